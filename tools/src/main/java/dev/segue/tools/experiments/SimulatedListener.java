package dev.segue.tools.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A listener whose taste is a held-out playlist's genre words. They go through a playlist in order: each track is
 * played, then skipped or not, completed or not, liked and saved or not, with probabilities from how well the track
 * fits their taste; three skips in a row and they stop listening to that playlist.
 */
final class SimulatedListener {

    /** One listening event: a track and what happened. */
    record Event(String trackId, String type) {}

    static final int SKIPS_TO_LEAVE = 3;
    /** A track fits fully when it carries the taste's three strongest words (a genre and two of its sub-genres). */
    static final int FULL_FIT_WORDS = 3;

    private final HeldOutPlaylists.Taste taste;
    private final Random random;
    /** The weight of the taste's top words: a track with all of them fits fully. */
    private final double reachable;

    SimulatedListener(HeldOutPlaylists.Taste taste, Random random) {
        this.taste = taste;
        this.random = random;
        this.reachable = taste.words().values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(FULL_FIT_WORDS)
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /**
     * How well a served track fits, in [0, 1]: the taste's weight on the track's genre, mood and instrument words,
     * over the weight of the taste's strongest words.
     */
    double fit(JsonNode track) {
        Set<String> words = new LinkedHashSet<>();
        for (String field : List.of("genres", "moods", "instruments")) {
            track.path(field).forEach(tag -> words.addAll(HeldOutPlaylists.words(spelled(tag.asText()))));
        }
        double sum = 0;
        for (Map.Entry<String, Double> w : taste.words().entrySet()) {
            sum += words.contains(w.getKey()) ? w.getValue() : 0;
        }
        return Math.min(1, sum / reachable);
    }

    /** Catalog tags written as one word where Spotify's genre names are two ("hiphop"). */
    private static String spelled(String tag) {
        return tag.replace("hiphop", "hip hop").replace("rnb", "r&b").replace("electronic", "electronic edm");
    }

    List<Event> listen(JsonNode tracks) {
        List<Event> events = new ArrayList<>();
        int skipsInARow = 0;
        for (JsonNode track : tracks) {
            String id = track.path("id").asText();
            double fit = fit(track);
            events.add(new Event(id, "play"));
            if (random.nextDouble() < 0.7 - 0.6 * fit) {
                events.add(new Event(id, "skip"));
                if (fit < 0.1 && random.nextDouble() < 0.2) {
                    events.add(new Event(id, "dislike"));
                }
                if (++skipsInARow == SKIPS_TO_LEAVE) {
                    break;
                }
                continue;
            }
            skipsInARow = 0;
            if (random.nextDouble() < 0.6 + 0.35 * fit) {
                events.add(new Event(id, "complete"));
            }
            if (random.nextDouble() < 0.05 + 0.35 * fit) {
                events.add(new Event(id, "like"));
                if (random.nextDouble() < 0.3) {
                    events.add(new Event(id, "save"));
                }
            }
        }
        return events;
    }

    /** What the listener asks for: the playlist's title, then their strongest genre words (as many as the round). */
    String prompt(int round) {
        List<String> top = taste.words().entrySet().stream()
                // a stable sort: equal weights keep the taste's order, the order of the playlist's file
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(FULL_FIT_WORDS)
                .map(Map.Entry::getKey)
                .toList();
        return taste.title() + ": " + String.join(", ", top.subList(0, Math.min(top.size(), round + 2)));
    }
}
