package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP calls the tests make again and again, and what they read from a served playlist. Each named call checks
 * the status the service answers with when the call works; {@link #post} leaves the answer to the caller. A body is
 * JSON text or a map to serialise.
 */
public final class Api {

    private Api() {}

    /** A POST with a JSON body; the caller checks the answer. */
    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    /** A new playlist: 201, JSON, and where it lives. */
    public static JsonPath create(Object body) {
        return created("/api/playlists", body);
    }

    /** A new playlist with its trace (?trace=true). */
    public static JsonPath createTraced(Object body) {
        return created("/api/playlists?trace=true", body);
    }

    private static JsonPath created(String path, Object body) {
        return post(path, body)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/playlists/"))
                .extract()
                .jsonPath();
    }

    /** A new version of the playlist, the change asked in words: 200. */
    public static JsonPath refine(String id, String change) {
        return post("/api/playlists/" + id + "/refine", Map.of("prompt", change))
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A new version of the playlist without the track: 200. */
    public static JsonPath removeTrack(String id, String trackId) {
        return given().when()
                .delete("/api/playlists/" + id + "/tracks/" + trackId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A new DJ session: 201, and its id. */
    public static String openSession(Object body) {
        return post("/api/dj/sessions", body).statusCode(201).extract().path("id");
    }

    /** The DJ session's next segment: 200. */
    public static JsonPath next(String sessionId) {
        return given().when()
                .get("/api/dj/sessions/" + sessionId + "/next")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A listener's request to the DJ: 202, and how the DJ understood it. */
    public static String request(String sessionId, String text) {
        return post("/api/dj/sessions/" + sessionId + "/requests", Map.of("text", text))
                .statusCode(202)
                .extract()
                .path("interpretation");
    }

    /** The playlist's notes mention these words. */
    public static void assertNoted(JsonPath playlist, String words) {
        String notes = playlist.getList("notes").toString();
        assertTrue(notes.contains(words), notes);
    }

    /** A served track's tags: its genres, moods and instruments. */
    public static List<String> tags(Map<String, Object> track) {
        List<String> all = new ArrayList<>();
        for (String key : List.of("genres", "moods", "instruments")) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) track.get(key);
            all.addAll(values);
        }
        return all;
    }
}
