package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed tracks continued by the sequence model, options.sequence, and POST /api/playlists/{id}/extend. */
@QuarkusTest
class SequenceApiTest {

    @Test
    void seedTracksAreContinuedByTheSequenceModelByDefault() {
        List<String> seeds =
                Api.create("{\"prompt\":\"acoustic folk\",\"length\":5}").getList("tracks.id");
        JsonPath p = Api.createTraced(Map.of("prompt", "acoustic folk", "seedTrackIds", seeds));
        assertEquals(20, p.getList("tracks").size());
        String detail = sequenceNotes(p);
        assertTrue(detail.contains("segue-sequence-1 orders this playlist after 5 seed tracks"), detail);
        assertTrue(detail.contains("ranked the catalog after 5 tracks"), detail);
        List<String> ids = p.getList("tracks.id");
        assertFalse(ids.stream().anyMatch(seeds::contains), "no seed comes back: " + ids);
    }

    @Test
    void noneKeepsTodaysSeededPathAndSaysSo() {
        String seed = Api.create("{\"prompt\":\"acoustic folk\",\"length\":5}").getString("tracks[0].id");
        JsonPath p = Api.createTraced("{\"prompt\":\"acoustic folk\",\"seedTrackIds\":[\"" + seed
                + "\"],\"options\":{\"sequence\":\"none\"}}");
        assertEquals(20, p.getList("tracks").size());
        String detail = sequenceNotes(p);
        assertEquals("sequence: none (options.sequence none)", detail);
        JsonPath unseeded = Api.createTraced("{\"prompt\":\"acoustic folk\"}");
        assertEquals("sequence: none (no seed tracks)", sequenceNotes(unseeded));
    }

    @Test
    void anUnknownSequenceOptionIsA400() {
        Api.post("/api/playlists", "{\"prompt\":\"jazz\",\"options\":{\"sequence\":\"always\"}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("options.sequence must be one of"));
    }

    @Test
    void extendAddsTracksThatContinueThePlaylist() {
        JsonPath p = Api.create("{\"prompt\":\"calm piano\",\"length\":10}");
        String id = p.getString("id");
        List<String> before = p.getList("tracks.id");
        JsonPath extended = Api.post("/api/playlists/" + id + "/extend?trace=true", Map.of("count", 7))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, extended.getInt("version"));
        List<String> after = extended.getList("tracks.id");
        assertEquals(17, after.size());
        assertEquals(before, after.subList(0, 10), "the playlist's tracks stay first, in order");
        assertEquals(17, after.stream().distinct().count(), "no repeats");
        assertTrue(sequenceNotes(extended).contains("ranked the catalog after 10 tracks"), sequenceNotes(extended));
        assertEquals(
                List.of(1, 2, 3),
                extended.getList("tracks.position", Integer.class).subList(0, 3));
        assertEquals(17, extended.getInt("tracks[16].position"));
        given().when().get("/api/playlists/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void extendProblems() {
        String id = Api.create("{\"prompt\":\"calm piano\",\"length\":5}").getString("id");
        Api.post("/api/playlists/nope/extend", Map.of("count", 3)).statusCode(404);
        Api.post("/api/playlists/" + id + "/extend", Map.of("count", 0))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("count must be between 1 and 100"));
        Api.post("/api/playlists/" + id + "/extend", Map.of("count", 101)).statusCode(400);
        Api.post("/api/playlists/" + id + "/extend", "{}")
                .statusCode(400)
                .body("detail", containsString("count is required"));
        Api.post("/api/playlists/" + id + "/extend", "{\"count\":\"many\"}").statusCode(400);
    }

    @Test
    void theDjFollowsThePlayedTracksAndNeverRepeats() {
        String session = Api.openSession(Map.of("prompt", "chill electronic for a late night", "minutes", 60));
        List<String> played = new ArrayList<>();
        for (int segment = 0; segment < 5; segment++) {
            played.addAll(Api.next(session).getList("tracks.id"));
        }
        assertTrue(played.size() >= 10, played.toString());
        assertEquals(played.size(), played.stream().distinct().count(), "no repeats: " + played);
    }

    static String sequenceNotes(JsonPath traced) {
        List<Map<String, Object>> steps = traced.getList("trace.steps");
        return String.join(
                " | ",
                steps.stream()
                        .filter(s -> "sequence".equals(s.get("name")))
                        .map(s -> s.get("detail").toString())
                        .toList());
    }
}
