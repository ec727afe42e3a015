package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DjApiTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void twentySegmentsNeverRepeatATrackOrAnIntro() {
        String id = Api.openSession("{\"prompt\":\"chill electronic\",\"minutes\":600}");
        List<String> played = new ArrayList<>();
        List<String> artists = new ArrayList<>();
        Set<String> intros = new HashSet<>();
        for (int i = 1; i <= 20; i++) {
            JsonPath s = Api.next(id);
            assertEquals(i, s.getInt("segment"));
            List<String> ids = s.getList("tracks.id");
            assertTrue(ids.size() >= 2 && ids.size() <= 4, "2–4 tracks per segment, got " + ids.size());
            played.addAll(ids);
            artists.addAll(s.getList("tracks.artist"));
            assertTrue(intros.add(s.getString("intro")), "intro repeated: " + s.getString("intro"));
            assertTrue(
                    s.getString("intro").contains(s.getString("tracks[0].title"))
                            || s.getString("intro").contains(s.getString("tracks[0].artist")),
                    "the intro names the next track");
        }
        assertEquals(played.size(), new HashSet<>(played).size(), "no track twice in a session");
        for (int i = 0; i < artists.size(); i++) {
            for (int j = i + 1; j < Math.min(artists.size(), i + 8); j++) {
                assertFalse(
                        artists.get(i).equals(artists.get(j)), "artist " + artists.get(i) + " twice within 8 tracks");
            }
        }
    }

    @Test
    void requestsShowInTheVeryNextSegmentAndExclusionsStick() {
        String id = Api.openSession("{\"prompt\":\"calm piano\",\"minutes\":120}");
        double calm = Api.next(id).getDouble("energy");

        assertTrue(Api.request(id, "more energy").contains("raising the energy"));
        double energetic = Api.next(id).getDouble("energy");
        assertTrue(energetic >= calm + 0.1, "energy " + calm + " -> " + energetic);

        assertTrue(Api.request(id, "no more piano").contains("piano"));
        for (int i = 0; i < 5; i++) {
            List<Map<String, Object>> tracks = Api.next(id).getList("tracks");
            for (Map<String, Object> t : tracks) {
                assertFalse(Api.tags(t).contains("piano"), "piano after \"no more piano\": " + t);
            }
        }
        given().when().get("/api/dj/sessions/" + id).then().statusCode(200).body("excludeTags", hasItem("piano"));

        assertTrue(Api.request(id, "play Jahzzar").contains("Jahzzar"));
        assertEquals("Jahzzar", Api.next(id).getString("tracks[0].artist"));

        assertTrue(Api.request(id, "play some jazz").contains("jazz"));
        List<Map<String, Object>> jazz = Api.next(id).getList("tracks");
        assertEvery(
                jazz,
                t -> Api.tags(t).stream().anyMatch(List.of("jazz", "acidjazz", "jazzfusion", "swing")::contains),
                "every track after \"play some jazz\" is jazz");

        JsonPath before = Api.next(id);
        assertTrue(Api.request(id, "switch it up").contains("switching"));
        JsonPath after = Api.next(id);
        Set<String> previousGenres = new HashSet<>(
                before.getList("tracks[" + (before.getList("tracks").size() - 1) + "].genres"));
        List<String> firstGenres = after.getList("tracks[0].genres");
        assertFalse(previousGenres.containsAll(firstGenres), "a contrast: " + previousGenres + " -> " + firstGenres);
    }

    @Test
    void feedbackIsAcceptedAndValidated() {
        String id = Api.openSession("{\"prompt\":\"rock\"}");
        String track = Api.next(id).getString("tracks[0].id");
        Api.post("/api/dj/sessions/" + id + "/feedback", Map.of("trackId", track, "type", "skip"))
                .statusCode(202);
        Api.post("/api/dj/sessions/" + id + "/feedback", Map.of("trackId", track, "type", "like"))
                .statusCode(202);
        Api.post("/api/dj/sessions/" + id + "/feedback", Map.of("trackId", track, "type", "love"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("like, skip"));
        Api.post("/api/dj/sessions/" + id + "/feedback", Map.of("trackId", "jamendo:0", "type", "like"))
                .statusCode(400);
        assertFalse(Api.next(id).getList("tracks.id").contains(track));
    }

    @Test
    void badIdsAre404AndBadBodies400() {
        for (String path :
                List.of("/api/dj/sessions/nope", "/api/dj/sessions/nope/next", "/api/dj/sessions/nope/events")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Api.post("/api/dj/sessions/nope/requests", Map.of("text", "jazz")).statusCode(404);
        given().when().delete("/api/dj/sessions/nope").then().statusCode(404);
        Api.post("/api/dj/sessions", "{\"minutes\":1}")
                .statusCode(400)
                .body("detail", containsString("minutes must be between 5 and 600"));
        Api.post("/api/dj/sessions", "{\"minutes\":\"ten\"}").statusCode(400);
        Api.post("/api/dj/sessions", "{\"vibe\":\"x\"}")
                .statusCode(400)
                .body("detail", containsString("unknown field"));
        String id = Api.openSession("{}");
        Api.post("/api/dj/sessions/" + id + "/requests", "{\"text\":\"  \"}").statusCode(400);
        Api.post("/api/dj/sessions/" + id + "/requests", "{\"text\":")
                .statusCode(400)
                .body("detail", containsString("malformed JSON"));
        given().when().delete("/api/dj/sessions/" + id).then().statusCode(204);
        given().when().get("/api/dj/sessions/" + id + "/next").then().statusCode(404);
    }

    @Test
    void serverSentEventsDeliverSegmentsAndResumeByLastEventId() throws Exception {
        String id = Api.openSession("{\"prompt\":\"ambient\",\"minutes\":600}");
        List<Integer> first = events(id, null, 3);
        assertEquals(List.of(1, 2, 3), first);
        List<Integer> resumed = events(id, "2", 2);
        assertEquals(List.of(3, 4), resumed, "resumes after the last event seen: nothing lost, nothing repeated");
    }

    /** Reads segment event ids from the SSE stream until {@code count} arrived. */
    private List<Integer> events(String id, String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString() + "api/dj/sessions/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<Integer> ids = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String eventId = null;
            String name = null;
            String line;
            while (ids.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    eventId = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:") && "segment".equals(name)) {
                    assertTrue(line.contains("\"intro\""), line);
                } else if (line.isEmpty() && eventId != null) {
                    ids.add(Integer.parseInt(eventId));
                    eventId = null;
                    name = null;
                }
            }
        }
        return ids;
    }
}
