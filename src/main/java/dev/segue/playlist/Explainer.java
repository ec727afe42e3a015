package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.MixIn;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.ScoredTrack;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Title, description and one reason per track, written from the evidence only: the tags a track actually carries,
 * its artist, its audio features when the catalog has them. A reason never names a fact the catalog does not hold.
 */
@ApplicationScoped
public class Explainer {

    private static final int MAX_TITLE_PHRASES = 3;

    private final Catalog catalog;

    public Explainer(Catalog catalog) {
        this.catalog = catalog;
    }

    public String title(Intent intent, String prompt) {
        List<String> phrases = new ArrayList<>();
        intent.include().stream()
                .filter(g -> g.weight() > 0 && !g.kind().equals("activity"))
                .map(TagGroup::phrase)
                .distinct()
                .limit(MAX_TITLE_PHRASES)
                .forEach(phrases::add);
        List<String> activities = intent.include().stream()
                .filter(g -> g.kind().equals("activity"))
                .map(TagGroup::phrase)
                .distinct()
                .limit(2)
                .toList();
        String activity = activities.isEmpty() ? null : String.join(" & ", activities);
        String title;
        if (!intent.artists().isEmpty()) {
            title = "By " + String.join(" & ", intent.artists());
        } else if (!phrases.isEmpty()) {
            title = Wording.titleCase(String.join(" ", phrases));
            if (activity != null) {
                title += " for " + Wording.titleCase(activity);
            }
        } else if (activity != null) {
            title = "Music for " + Wording.titleCase(activity);
        } else if (!intent.similarToArtists().isEmpty()) {
            title = "Like " + String.join(" & ", intent.similarToArtists());
        } else {
            String words = prompt.strip().replaceAll("\\s+", " ");
            title = Wording.titleCase(
                    words.length() > 48 ? words.substring(0, 48).replaceAll("\\s\\S*$", "") + "…" : words);
        }
        return title;
    }

    public String description(Intent intent, List<ScoredTrack> tracks, String catalogName) {
        double seconds =
                tracks.stream().mapToDouble(s -> s.track().durationSec()).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d tracks, %s", tracks.size(), Durations.human(seconds)));
        List<String> wishes = intent.include().stream()
                .filter(g -> g.weight() > 0 && !g.kind().equals("activity"))
                .map(g -> "\"" + g.phrase() + "\"")
                .distinct()
                .toList();
        if (!wishes.isEmpty()) {
            out.append(" of ").append(Wording.joinAnd(wishes));
        }
        intent.include().stream()
                .filter(g -> g.kind().equals("activity"))
                .findFirst()
                .ifPresent(g -> out.append(", for ").append(g.phrase()));
        if (!intent.artists().isEmpty()) {
            out.append(", by ").append(Wording.joinAnd(intent.artists()));
        }
        if (!intent.similarToArtists().isEmpty()) {
            out.append(", in the neighbourhood of ").append(Wording.joinAnd(intent.similarToArtists()));
        }
        out.append(", from the ").append(catalogName).append(" catalog.");
        long fitting = tracks.stream().filter(ScoredTrack::fits).count();
        if (!intent.requiredGroups().isEmpty()) {
            out.append(String.format(Locale.ROOT, " %d of %d match everything named.", fitting, tracks.size()));
        }
        List<String> left = new ArrayList<>();
        if (!intent.excludeTags().isEmpty()) {
            left.add("tracks tagged "
                    + Wording.joinOr(
                            intent.excludeTags().stream().map(Tags::words).toList()));
        }
        if (!intent.excludeArtists().isEmpty()) {
            left.add("anything by " + Wording.joinOr(intent.excludeArtists()));
        }
        if (!left.isEmpty()) {
            out.append(" Left out: ").append(String.join("; ", left)).append('.');
        }
        if (intent.mixIns().stream().anyMatch(m -> true)) {
            out.append(" Mixed in: ")
                    .append(Wording.joinAnd(
                            intent.mixIns().stream().map(MixIn::phrase).toList()))
                    .append('.');
        }
        boolean arc = tracks.stream()
                                .filter(s -> s.track().features() != null
                                        && s.track().features().energy() != null)
                                .count()
                        >= tracks.size() * 0.8
                && tracks.size() >= 3;
        out.append(
                arc
                        ? " Ordered as an energy arc: a build, a peak, a cool-down."
                        : " Ordered so each track sits next to the ones most like it.");
        return out.toString();
    }

    public String reason(ScoredTrack scored, Intent intent) {
        Track track = scored.track();
        List<String> parts = new ArrayList<>();
        tagged(scored).ifPresent(parts::add);
        if (!intent.artists().isEmpty()
                && intent.artists().stream()
                        .anyMatch(a -> Catalog.artistKey(a).equals(Catalog.artistKey(track.artist())))) {
            parts.add("by " + track.artist() + ", as asked");
        }
        parts.addAll(mixIns(intent, track));
        parts.addAll(likeArtists(intent, track));
        if (intent.energy() != null
                && track.features() != null
                && track.features().energy() != null) {
            parts.add(String.format(
                    Locale.ROOT,
                    "energy %.2f for a %s-energy request",
                    track.features().energy(),
                    intent.energy().name().toLowerCase(Locale.ROOT)));
        }
        if (parts.isEmpty()) {
            parts.add(ownTags(track, intent));
        }
        if (!scored.missedRequired().isEmpty()) {
            parts.add("not tagged for "
                    + scored.missedRequired().stream()
                            .map(g -> "\"" + g.phrase() + "\"")
                            .collect(Collectors.joining(", ")));
        }
        return Wording.capitalize(String.join("; ", parts));
    }

    /**
     * "tagged piano for "piano"; relaxing, easy listening for "calm" and "studying"": each tag shown is one the track
     * carries, next to the words of the prompt it answers; required wishes first.
     */
    private static Optional<String> tagged(ScoredTrack scored) {
        Track track = scored.track();
        Map<String, List<String>> phrasesByTags = new LinkedHashMap<>();
        List<TagGroup> ordered = new ArrayList<>(scored.matched());
        ordered.sort(Comparator.comparing((TagGroup g) -> !g.required()));
        Set<String> shownTags = new LinkedHashSet<>();
        for (TagGroup group : ordered) {
            List<String> tags = group.tags().stream()
                    .filter(track::hasTag)
                    .filter(t -> !shownTags.contains(Tags.words(t)))
                    .map(Tags::words)
                    .limit(3)
                    .toList();
            String key = tags.isEmpty() ? null : String.join(", ", tags);
            if (key == null) {
                // Its tags were already shown for an earlier phrase: credit this phrase there too.
                group.tags().stream()
                        .filter(track::hasTag)
                        .map(Tags::words)
                        .findFirst()
                        .flatMap(first -> phrasesByTags.keySet().stream()
                                .filter(k -> (", " + k + ",").contains(", " + first + ","))
                                .findFirst())
                        .ifPresent(k -> phrasesByTags.get(k).add(group.phrase()));
                continue;
            }
            shownTags.addAll(tags);
            phrasesByTags.computeIfAbsent(key, k -> new ArrayList<>()).add(group.phrase());
        }
        if (phrasesByTags.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("tagged "
                + phrasesByTags.entrySet().stream()
                        .map(e -> e.getKey() + " for "
                                + Wording.joinAnd(e.getValue().stream()
                                        .distinct()
                                        .map(p -> "\"" + p + "\"")
                                        .toList()))
                        .collect(Collectors.joining("; ")));
    }

    /** "added for "a bit of blues" (blues)": mix-ins this track answers, by its artist or its tags. */
    private static List<String> mixIns(Intent intent, Track track) {
        List<String> parts = new ArrayList<>();
        for (MixIn mix : intent.mixIns()) {
            boolean byArtist =
                    mix.artist() != null && Catalog.artistKey(mix.artist()).equals(Catalog.artistKey(track.artist()));
            List<String> mixTags =
                    mix.tags().stream().filter(track::hasTag).map(Tags::words).toList();
            if (byArtist || !mixTags.isEmpty()) {
                parts.add("added for \"" + mix.phrase() + "\""
                        + (mixTags.isEmpty() ? "" : " (" + String.join(", ", mixTags) + ")"));
            }
        }
        return parts;
    }

    /** For "music like X": by X itself, the tags it shares with X's tracks, or closeness in sound description. */
    private List<String> likeArtists(Intent intent, Track track) {
        List<String> parts = new ArrayList<>();
        for (String artist : intent.similarToArtists()) {
            if (Catalog.artistKey(artist).equals(Catalog.artistKey(track.artist()))) {
                parts.add("by " + track.artist() + ", named in the prompt");
            } else {
                List<String> shared = sharedTags(track, artist);
                parts.add(
                        shared.isEmpty()
                                ? "close to " + artist + "'s tracks in sound description"
                                : "shares " + String.join(", ", shared) + " with " + artist + "'s tracks");
            }
        }
        return parts;
    }

    /** When nothing named matched: the track's own tags, close to the query text (or its title, without tags). */
    private static String ownTags(Track track, Intent intent) {
        List<String> own = new ArrayList<>();
        track.genres().stream().limit(2).map(Tags::words).forEach(own::add);
        track.moods().stream().limit(2).map(Tags::words).forEach(own::add);
        track.instruments().stream().limit(1).map(Tags::words).forEach(own::add);
        return own.isEmpty()
                ? "close to the request by its title; the catalog has no tags for it"
                : "its tags (" + String.join(", ", own) + ") are close to \"" + intent.queryText() + "\"";
    }

    private List<String> sharedTags(Track track, String artist) {
        Set<String> theirs = new LinkedHashSet<>();
        catalog.tracksBy(artist).forEach(t -> {
            theirs.addAll(t.genres());
            theirs.addAll(t.moods());
            theirs.addAll(t.instruments());
        });
        List<String> out = new ArrayList<>();
        Stream.of(track.genres(), track.moods(), track.instruments())
                .flatMap(List::stream)
                .filter(theirs::contains)
                .map(Tags::words)
                .limit(3)
                .forEach(out::add);
        return out;
    }
}
