package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property-style: over random prompts, seed tracks, exclusions and artist caps, seeded requests ordered by the
 * sequence model and their extensions honour every hard constraint: size, artist cap, excluded artists, era, removed
 * tracks, no repeats, no seed played again.
 */
@QuarkusTest
class SequenceConstraintsTest {

    private static final List<String> PROMPTS = List.of(
            "acoustic folk",
            "energetic electronic",
            "calm piano",
            "happy summer pop",
            "dark ambient",
            "rock from the 2000s",
            "jazz for a rainy evening",
            "epic orchestral soundtrack",
            "chill hip hop beats",
            "upbeat guitar songs from 2010 to 2015");

    @Test
    void seededAndExtendedPlaylistsHonourEveryHardConstraint() {
        Random random = new Random(19);
        List<String> pool = Api.create("{\"prompt\":\"songs\",\"length\":100,\"maxPerArtist\":100}")
                .getList("tracks.id");
        assertEquals(100, pool.size());
        for (int round = 0; round < 12; round++) {
            String prompt = PROMPTS.get(random.nextInt(PROMPTS.size()));
            List<String> seeds = new ArrayList<>();
            for (int s = 1 + random.nextInt(10); s > 0; s--) {
                seeds.add(pool.get(random.nextInt(pool.size())));
            }
            int length = 5 + random.nextInt(30);
            int cap = 1 + random.nextInt(3);
            String excluded = Api.create(Map.of("prompt", prompt, "length", 5)).getString("tracks[0].artist");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("prompt", prompt);
            body.put("seedTrackIds", seeds);
            body.put("length", length);
            body.put("maxPerArtist", cap);
            body.put("excludeArtists", List.of(excluded));
            String where = round + ": " + body;
            JsonPath p = Api.createTraced(body);
            assertTrue(SequenceApiTest.sequenceNotes(p).contains("orders this playlist"), where);
            assertHonoured(p, length, cap, excluded, seeds, Set.of(), where);

            String id = p.getString("id");
            String removed = p.getString("tracks[0].id");
            Api.removeTrack(id, removed);
            int count = 1 + random.nextInt(40);
            JsonPath extended = Api.post("/api/playlists/" + id + "/extend", Map.of("count", count))
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertHonoured(extended, length + count, cap, excluded, seeds, Set.of(removed), where + " +" + count);
        }
    }

    private static void assertHonoured(
            JsonPath p, int size, int cap, String excluded, List<String> seeds, Set<String> removed, String where) {
        List<String> ids = p.getList("tracks.id");
        List<String> artists = p.getList("tracks.artist");
        assertFalse(ids.isEmpty(), where);
        // The demo catalog can fill every size asked here: never short.
        assertEquals(size, ids.size(), where);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no repeats " + where);
        assertFalse(artists.contains(excluded), "excluded artist " + where);
        Map<String, Integer> perArtist = new HashMap<>();
        artists.forEach(a -> perArtist.merge(a, 1, Integer::sum));
        assertEvery(perArtist.values(), n -> n <= cap, "at most " + cap + " per artist " + where);
        assertFalse(ids.stream().anyMatch(removed::contains), "a removed track came back " + where);
        assertFalse(ids.stream().anyMatch(seeds::contains), "a seed came back " + where);
        Integer from = p.get("intent.yearFrom");
        Integer to = p.get("intent.yearTo");
        if (from != null || to != null) {
            List<Integer> years = p.getList("tracks.year", Integer.class);
            assertEvery(
                    years,
                    y -> y != null && (from == null || y >= from) && (to == null || y <= to),
                    "era " + from + ".." + to + " " + where);
        }
    }
}
