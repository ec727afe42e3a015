package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.experiment.Experiments;
import dev.segue.experiment.Exposure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The experiments API: creating, validating, assigning playlists to arms, outcomes, the report, and deletion. */
@QuarkusTest
class ExperimentApiTest {

    static final String AB = "{\"name\":\"ranker off\",\"arms\":[{\"name\":\"control\",\"weight\":1,\"options\":{}},"
            + "{\"name\":\"no-ranker\",\"weight\":1,\"options\":{\"ranker\":\"none\"}}]}";

    @Inject
    Experiments experiments;

    /** Experiments are global: none is left running to change another test's playlists. */
    @AfterEach
    void stopAll() {
        experiments.all().forEach(e -> experiments.stop(e.id()));
    }

    static String start(String body) {
        return Api.post("/api/experiments", body)
                .statusCode(201)
                .header("Location", containsString("/api/experiments/exp-"))
                .body("status", equalTo("running"))
                .extract()
                .path("id");
    }

    @Test
    void anExperimentIsCreatedListedReadAndStopped() {
        JsonPath created =
                Api.post("/api/experiments", AB).statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals("ranker off", created.getString("name"));
        assertEquals(List.of("control", "no-ranker"), created.getList("arms.name"));
        assertEquals("none", created.getString("arms[1].options.ranker"));
        assertNotNull(created.getString("createdAt"));
        given().get("/api/experiments").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/experiments/" + id).then().statusCode(200).body("unit", equalTo("user"));
        given().post("/api/experiments/" + id + "/stop").then().statusCode(200).body("status", equalTo("stopped"));
        given().get("/api/experiments/" + id).then().body("status", equalTo("stopped"));
        given().get("/api/experiments/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no experiment"));
    }

    @Test
    void badExperimentsAreProblemsNamingTheField() {
        String arm = "{\"name\":\"a\",\"weight\":1,\"options\":{}}";
        bad("{\"name\":\"x\",\"arms\":[" + arm + ",{\"name\":\"b\",\"weight\":0}]}", "arms[1].weight", "above 0");
        bad("{\"name\":\"x\",\"arms\":[" + arm + "," + arm + "]}", "arms", "named differently");
        bad("{\"name\":\"x\",\"arms\":[" + arm + "]}", "arms", "2 to 10 arms");
        bad(
                "{\"name\":\"x\",\"arms\":[" + arm
                        + ",{\"name\":\"b\",\"weight\":1,\"options\":{\"ranker\":\"best\"}}]}",
                "arms[1].options.ranker",
                "must be one of");
        bad("{\"arms\":[" + arm + ",{\"name\":\"b\",\"weight\":2}]}", "name", "required");
        bad(
                "{\"name\":\"x\",\"unit\":\"session\",\"arms\":[" + arm + ",{\"name\":\"b\",\"weight\":2}]}",
                "unit",
                "user");
        Api.post(
                        "/api/experiments",
                        "{\"name\":\"x\",\"arms\":[" + arm + ",{\"name\":\"b\",\"weight\":1,"
                                + "\"options\":{\"colour\":\"red\"}}]}")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static void bad(String body, String field, String words) {
        Api.post("/api/experiments", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(words));
    }

    @Test
    void aListenersPlaylistsAreStickyToTheirArmAndExplicitOptionsWin() {
        String id = start(AB);
        String user = "exp-listener-" + System.nanoTime();
        JsonPath first = Api.createTraced(Map.of("prompt", "calm piano", "userId", user));
        assertEquals(id, first.getString("experiment.id"));
        String arm = first.getString("experiment.arm");
        assertTrue(List.of("control", "no-ranker").contains(arm), arm);
        List<String> notes = first.getList("trace.steps.detail");
        assertTrue(notes.stream().anyMatch(n -> n != null && n.startsWith(id + ": arm " + arm)), notes.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    arm, Api.create(Map.of("prompt", "jazz", "userId", user)).getString("experiment.arm"));
        }
        JsonPath explicit = Api.create(Map.of("prompt", "jazz", "userId", user, "options", Map.of("ranker", "auto")));
        assertEquals(id, explicit.getString("experiment.id"));
        assertNull(explicit.getString("experiment.arm"));
        assertEquals(Experiments.EXPLICIT, explicit.getString("experiment.notInExperiment"));
        assertNull(Api.create(Map.of("prompt", "jazz")).get("experiment"), "no listener, no experiment");

        String second =
                start("{\"name\":\"a/a\",\"arms\":[{\"name\":\"a1\",\"weight\":1},{\"name\":\"a2\",\"weight\":1}]}");
        JsonPath both = Api.create(Map.of("prompt", "rock", "userId", user));
        assertEquals(List.of(id, second), both.getList("experiment.id"));
        assertEquals(arm, both.getString("experiment[0].arm"));
    }

    @Test
    void outcomesReachTheReportAndDeletingTheListenerRemovesThem() {
        String id = start(AB);
        String user = "exp-outcomes-" + System.nanoTime();
        JsonPath p = Api.create(Map.of("prompt", "calm piano", "userId", user));
        String playlist = p.getString("id");
        List<String> tracks = p.getList("tracks.id");
        assertFalse(tracks.isEmpty());
        List<Map<String, String>> events = new ArrayList<>();
        for (String type : List.of("play", "complete", "like", "save", "play", "skip")) {
            events.add(Map.of("trackId", tracks.get(events.size() / 2), "type", type, "playlistId", playlist));
        }
        Api.post("/api/users/" + user + "/events", events).statusCode(202).body("accepted", equalTo(6));
        Api.refine(playlist, "no vocals");
        assertEquals(id, Api.removeTrack(playlist, tracks.get(0)).getString("experiment.id"));

        JsonPath report = report(id);
        String arm = p.getString("experiment.arm");
        int index = "control".equals(arm) ? 0 : 1;
        String a = "arms[" + index + "].";
        assertEquals(1, report.getInt(a + "users"));
        assertEquals(3, report.getInt(a + "exposures"), "version 1, the refinement and the removal");
        assertEquals(0.5, report.getDouble(a + "metrics.skipRate.mean"), 1e-9);
        assertEquals(0.5, report.getDouble(a + "metrics.completionRate.mean"), 1e-9);
        assertEquals(2.0, report.getDouble(a + "metrics.playsPerPlaylist.mean"), 1e-9);
        assertEquals(1.0, report.getDouble(a + "metrics.refinementRate.mean"), 1e-9);
        assertEquals(1.0, report.getDouble(a + "metrics.removalsPerPlaylist.mean"), 1e-9);
        assertTrue(report.getBoolean("metrics.find { it.key == 'p95LatencyMs' }.guardrail"));
        assertShownWasMeasured(report, a);
        assertNull(report.get("arms[" + (1 - index) + "].diversity"), "an arm that showed nothing");

        given().delete("/api/users/" + user).then().statusCode(200);
        JsonPath after = report(id);
        assertEquals(0, after.getInt("users"));
        assertEquals(0, after.getInt("exposures"));
        assertNull(after.get(a + "metrics.skipRate.mean"));
    }

    @Test
    void anExtensionIsAnotherExposureOfThePlaylistsArm() {
        String id = start(AB);
        String user = "exp-extend-" + System.nanoTime();
        String playlist = Api.create(Map.of("prompt", "calm piano", "userId", user, "length", 10))
                .getString("id");
        JsonPath extended = Api.post("/api/playlists/" + playlist + "/extend", Map.of("count", 5))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(15, extended.getList("tracks").size());
        assertEquals(id, extended.getString("experiment.id"));
        assertEquals(2, report(id).getInt("exposures"), "version 1 and the extended version 2");
    }

    @Test
    void aStoppedExperimentRecordsNoMoreExposures() {
        String id = start(AB);
        String user = "exp-stopped-" + System.nanoTime();
        String playlist = Api.create(Map.of("prompt", "jazz", "userId", user)).getString("id");
        given().post("/api/experiments/" + id + "/stop").then().statusCode(200);
        assertNull(Api.refine(playlist, "more upbeat").get("experiment"));
        assertNull(Api.create(Map.of("prompt", "jazz", "userId", user)).get("experiment"));
        assertEquals(1, report(id).getInt("exposures"));
    }

    @Test
    void theRandomRankerIsARepeatableKnownWorseArm() {
        Map<String, Object> body = Map.of("prompt", "calm piano", "options", Map.of("ranker", "random"));
        JsonPath random = Api.create(body);
        assertEquals("random", random.getString("ranker"));
        assertEquals(random.getList("tracks.id"), Api.create(body).getList("tracks.id"), "seeded by the prompt");
        List<String> ranked = Api.create(Map.of("prompt", "calm piano")).getList("tracks.id");
        assertFalse(ranked.isEmpty());
        assertFalse(ranked.equals(random.getList("tracks.id")), "not the ranked playlist");
    }

    @Test
    void djSegmentsAreExposuresOfTheListenersArm() {
        String id = start(AB);
        String user = "exp-dj-" + System.nanoTime();
        JsonPath opened = Api.post("/api/dj/sessions", Map.of("userId", user, "prompt", "chill electronic"))
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(id, opened.getString("experiment.id"));
        String arm = opened.getString("experiment.arm");
        String session = opened.getString("id");
        assertNotNull(session);
        Api.next(session);
        Api.next(session);
        JsonPath report = report(id);
        int index = "control".equals(arm) ? 0 : 1;
        assertEquals(1, report.getInt("arms[" + index + "].users"));
        assertEquals(2, report.getInt("arms[" + index + "].exposures"), "one exposure per segment");
        assertTrue(report.getDouble("arms[" + index + "].diversity.intraListDiversity") > 0, "segments' tracks");
        assertNull(
                Api.post("/api/dj/sessions", Map.of("prompt", "jazz")).extract().path("experiment"));
    }

    @Test
    void theSampleRatioCheckFlagsABrokenSplit() {
        String id = start(AB);
        expose(id, "control", 600);
        expose(id, "no-ranker", 400);
        JsonPath broken = report(id);
        assertEquals(List.of(600, 400), broken.getList("sampleRatio.users"));
        assertTrue(broken.getBoolean("sampleRatio.mismatch"), "600/400 where the weights say 50/50");
        assertTrue(broken.getDouble("sampleRatio.pValue") < 0.001);

        String fine = start(AB);
        expose(fine, "control", 500);
        expose(fine, "no-ranker", 490);
        assertFalse(report(fine).getBoolean("sampleRatio.mismatch"));
    }

    /** The arm's diversity, from the tracks its exposures showed and the listener's history (the events sent). */
    private static void assertShownWasMeasured(JsonPath report, String arm) {
        double gini = report.getDouble(arm + "diversity.artistGini");
        assertTrue(gini > 0.9 && gini < 1, "one listener's few playlists against the catalog's artists: " + gini);
        assertTrue(report.getDouble(arm + "diversity.catalogCoverage") > 0);
        assertTrue(report.getDouble(arm + "diversity.intraListDiversity") > 0);
        double longTail = report.getDouble(arm + "diversity.longTailShare");
        assertTrue(longTail >= 0 && longTail <= 1, "a share: " + longTail);
        assertNotNull(report.get(arm + "diversity.popularityCalibration"), "the listener has a history");
    }

    private void expose(String experiment, String arm, int listeners) {
        List<Exposure> exposures = new ArrayList<>();
        for (int i = 0; i < listeners; i++) {
            exposures.add(
                    new Exposure(experiment, arm, arm + "-" + i, "p-" + arm + i, 1, "create", 10, 0, false, List.of()));
        }
        experiments.expose(exposures);
    }

    private static JsonPath report(String id) {
        return given().get("/api/experiments/" + id + "/report")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("experiment.id", startsWith("exp-"))
                .extract()
                .jsonPath();
    }
}
