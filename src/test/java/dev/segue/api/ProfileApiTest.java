package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listening events make a taste; the same prompt then differs per listener, never leaks across them, and stops on opt-out. */
@QuarkusTest
class ProfileApiTest {

    private static String user(String name) {
        return name + "-" + System.nanoTime();
    }

    /** Likes for the first {@code n} tracks the catalog has with this tag. */
    private static void like(String user, String tag, int n) {
        List<String> ids = given().get("/api/tracks/search?genre=" + tag + "&limit=" + n)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tracks.id");
        List<Map<String, Object>> events = new ArrayList<>();
        for (String id : ids) {
            events.add(Map.of("trackId", id, "type", "like"));
            events.add(Map.of("trackId", id, "type", "play", "at", "2026-11-23T20:00:00Z"));
        }
        Api.post("/api/users/" + user + "/events", events).statusCode(202).body("accepted", equalTo(events.size()));
    }

    private static JsonPath playlist(String prompt, String user) {
        String body = user == null
                ? "{\"prompt\":\"" + prompt + "\"}"
                : "{\"prompt\":\"" + prompt + "\",\"userId\":\"" + user + "\"}";
        return Api.createTraced(body);
    }

    private static long tagged(JsonPath p, String tag) {
        List<Map<String, Object>> tracks = p.getList("tracks");
        return tracks.stream().filter(t -> Api.tags(t).contains(tag)).count();
    }

    @Test
    void theSamePromptDiffersForAJazzLoverAndAMetalhead() {
        String jazz = user("jazz-lover");
        String metal = user("metalhead");
        like(jazz, "jazz", 30);
        like(metal, "metal", 30);
        given().get("/api/users/" + jazz + "/profile")
                .then()
                .statusCode(200)
                .body("topTags[0].name", equalTo("jazz"))
                .body("events.like", equalTo(30));

        JsonPath anonymous = playlist("music to focus", null);
        JsonPath forJazz = playlist("music to focus", jazz);
        JsonPath forMetal = playlist("music to focus", metal);
        assertTrue(
                tagged(forJazz, "jazz") > tagged(anonymous, "jazz"),
                "jazz " + tagged(anonymous, "jazz") + " -> " + tagged(forJazz, "jazz"));
        assertTrue(tagged(forMetal, "metal") > tagged(anonymous, "metal"));
        assertNotEquals(forJazz.getList("tracks.id"), forMetal.getList("tracks.id"));
        Api.assertNoted(forJazz, "personalised from your listening history");
        List<String> steps = forJazz.getList("trace.steps.detail");
        assertTrue(
                steps.stream().anyMatch(d -> d != null && d.contains("without listening history")), steps.toString());
    }

    @Test
    void oneListenersEventsNeverChangeAnothersPlaylist() {
        String a = user("a");
        String b = user("b");
        like(b, "classical", 10);
        List<String> before = playlist("calm evening", b).getList("tracks.id");
        like(a, "hiphop", 30);
        assertEquals(before, playlist("calm evening", b).getList("tracks.id"));
    }

    @Test
    void optingOutTurnsPersonalisationOffAndDeletionRemovesHistory() {
        String u = user("private");
        like(u, "jazz", 20);
        given().contentType("application/json")
                .body("{\"optedOut\":true}")
                .put("/api/users/" + u + "/opt-out")
                .then()
                .statusCode(200)
                .body("optedOut", equalTo(true));
        JsonPath off = playlist("music to focus", u);
        assertEquals(playlist("music to focus", null).getList("tracks.id"), off.getList("tracks.id"));
        given().contentType("application/json")
                .body("{\"optedOut\":false}")
                .put("/api/users/" + u + "/opt-out")
                .then()
                .statusCode(200);
        given().delete("/api/users/" + u).then().statusCode(200).body("events", equalTo(40));
        given().get("/api/users/" + u + "/profile").then().statusCode(200).body("topTags.size()", equalTo(0));
    }

    @Test
    void myUsualVibeUsesHistoryOrSaysThereIsNone() {
        String u = user("regular");
        like(u, "reggae", 10);
        JsonPath mine = playlist("my usual morning vibe", u);
        Api.assertNoted(mine, "seeded from");
        assertTrue(tagged(mine, "reggae") >= 3, "reggae tracks: " + tagged(mine, "reggae"));
        JsonPath nobody = playlist("more of what I liked yesterday", user("new"));
        Api.assertNoted(nobody, "no listening history");
    }

    @Test
    void badEventsAreRejectedWithReasonsAndNothingIsRecorded() {
        String u = user("careless");
        Api.post(
                        "/api/users/" + u + "/events",
                        "[{\"trackId\":\"jamendo:214\",\"type\":\"love\"},{\"trackId\":\"nope\",\"type\":\"play\"},"
                                + "{\"trackId\":\"jamendo:214\",\"type\":\"play\",\"at\":\"yesterday\"}]")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(3))
                .body("detail", containsString("nothing was recorded"));
        given().get("/api/users/" + u + "/profile").then().body("events.size()", equalTo(0));
        Api.post("/api/users/" + u + "/events", "[]").statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .put("/api/users/" + u + "/opt-out")
                .then()
                .statusCode(400);
    }
}
