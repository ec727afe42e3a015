package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A track's tags as the API returns them (genres, moods, instruments), and how tag groups match them. */
public final class TrackTags {

    private TrackTags() {}

    /** Genres, moods and instruments, lower-cased, in that order. */
    public static List<String> of(JsonNode track) {
        List<String> tags = new ArrayList<>();
        for (String field : List.of("genres", "moods", "instruments")) {
            track.path(field).forEach(t -> tags.add(key(t.asText())));
        }
        return tags;
    }

    /** A track fits when it carries, for every group, one of its tags. */
    static boolean fits(List<Set<String>> groups, JsonNode track) {
        Set<String> tags = new HashSet<>(of(track));
        return groups.stream().allMatch(group -> group.stream().anyMatch(tags::contains));
    }

    /** The share of tracks that fit every group; 0 for no tracks. */
    static double share(List<Set<String>> groups, JsonNode tracks) {
        int fitting = 0;
        for (JsonNode t : tracks) {
            if (fits(groups, t)) {
                fitting++;
            }
        }
        return tracks.isEmpty() ? 0 : fitting / (double) tracks.size();
    }

    /** Names compared as the checks compare them: trimmed, lower-case. */
    static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
