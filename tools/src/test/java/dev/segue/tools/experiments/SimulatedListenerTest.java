package dev.segue.tools.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedListenerTest {

    private static final HeldOutPlaylists.Taste POP =
            new HeldOutPlaylists.Taste("p1", "Pop Party", Map.of("pop", 0.5, "dance", 0.3, "edm", 0.12, "rock", 0.08));

    private static JsonNode tracks(String genres, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"t")
                    .append(i)
                    .append("\",\"genres\":")
                    .append(genres)
                    .append(",\"moods\":[],\"instruments\":[]}");
        }
        return Json.read(json.append("]").toString());
    }

    @Test
    void fitIsTheTastesWeightOnTheTracksWordsOverItsStrongestWords() {
        SimulatedListener listener = new SimulatedListener(POP, new Random(1));
        assertEquals(
                1.0,
                listener.fit(tracks("[\"pop\",\"dance\",\"electronic\"]", 1).get(0)),
                1e-9);
        assertEquals(0.5 / 0.92, listener.fit(tracks("[\"pop\"]", 1).get(0)), 1e-9);
        assertEquals(0.0, listener.fit(tracks("[\"classical\"]", 1).get(0)), 1e-9);
    }

    @Test
    void tracksThatFitAreSkippedLessAndCompletedMore() {
        int[] fitting = count(tracks("[\"pop\",\"dance\",\"edm\"]", 20));
        int[] misfits = count(tracks("[\"classical\"]", 20));
        assertTrue(fitting[0] < misfits[0] / 2, "skips " + fitting[0] + " vs " + misfits[0]);
        assertTrue(fitting[1] > 2 * misfits[1], "completions " + fitting[1] + " vs " + misfits[1]);
    }

    @Test
    void threeSkipsInARowEndTheListening() {
        List<SimulatedListener.Event> events =
                new SimulatedListener(POP, new Random(3)).listen(tracks("[\"classical\"]", 200));
        long skips = events.stream().filter(e -> e.type().equals("skip")).count();
        assertTrue(skips >= SimulatedListener.SKIPS_TO_LEAVE);
        List<String> types = events.stream()
                .map(SimulatedListener.Event::type)
                .filter(t -> t.equals("skip") || t.equals("play"))
                .toList();
        // the last three plays were all skipped
        assertEquals(
                List.of("play", "skip", "play", "skip", "play", "skip"), types.subList(types.size() - 6, types.size()));
    }

    @Test
    void thePromptIsTheTitleAndTheStrongestGenres() {
        SimulatedListener listener = new SimulatedListener(POP, new Random(1));
        assertEquals("Pop Party: pop, dance", listener.prompt(0));
        assertEquals("Pop Party: pop, dance, edm", listener.prompt(1));
    }

    /** Skips and completions of one listener over many listens. */
    private static int[] count(JsonNode tracks) {
        int[] out = new int[2];
        SimulatedListener listener = new SimulatedListener(POP, new Random(7));
        for (int i = 0; i < 50; i++) {
            for (SimulatedListener.Event e : listener.listen(tracks)) {
                out[0] += e.type().equals("skip") ? 1 : 0;
                out[1] += e.type().equals("complete") ? 1 : 0;
            }
        }
        return out;
    }
}
