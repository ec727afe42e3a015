package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys on changes, per-client rate limits with Retry-After, and Segue's metrics at /q/metrics. */
@QuarkusTest
@TestProfile(SecurityAndMetricsTest.Keys.class)
class SecurityAndMetricsTest {

    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segue.security.api-keys", "key-one,key-two", "segue.security.requests-per-minute", "30");
        }
    }

    @Test
    void changesNeedAKeyAndReadsDoNot() {
        given().contentType("application/json")
                .body("{\"prompt\":\"jazz\"}")
                .when()
                .post("/api/playlists")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("needs an API key"));
        given().contentType("application/json")
                .header("X-API-Key", "wrong")
                .body("{\"prompt\":\"jazz\"}")
                .when()
                .post("/api/playlists")
                .then()
                .statusCode(401)
                .body("detail", containsString("not valid"));
        given().contentType("application/json")
                .header("Authorization", "Bearer key-two")
                .body("{\"prompt\":\"jazz\"}")
                .when()
                .post("/api/playlists")
                .then()
                .statusCode(201);
        given().when().get("/api/catalog").then().statusCode(200);
    }

    @Test
    void aClientPastItsLimitGets429WithRetryAfterAndOthersDoNot() {
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 60; i++) {
            var r = given().header("X-API-Key", "key-one").when().get("/api/tracks/jamendo:214");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                assertTrue(r.contentType().startsWith("application/problem+json"));
            }
        }
        assertTrue(limited > 0, "60 requests against a limit of 30 a minute");
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        given().header("X-API-Key", "key-two")
                .when()
                .get("/api/tracks/jamendo:214")
                .then()
                .statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200); // health is never limited
    }

    @Test
    void keysWithTheSameHashCodeHaveLimitsOfTheirOwn() {
        assertEquals("Aa".hashCode(), "BB".hashCode(), "the two keys collide as Java hashes");
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            var r = given().header("X-API-Key", "Aa").when().get("/api/tracks/jamendo:214");
            if (r.statusCode() == 429) {
                limited++;
                assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
                assertTrue(r.contentType().startsWith("application/problem+json"));
            }
        }
        assertTrue(limited > 0, "40 requests against a limit of 30 a minute");
        given().header("X-API-Key", "BB")
                .when()
                .get("/api/tracks/jamendo:214")
                .then()
                .statusCode(200);
    }

    @Test
    void metricsShowPlaylistsStepsAndToolCalls() {
        given().contentType("application/json")
                .header("X-API-Key", "key-two")
                .body("{\"prompt\":\"calm piano\"}")
                .when()
                .post("/api/playlists")
                .then()
                .statusCode(201);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : new String[] {
            "segue_playlists_total{operation=\"create\",planner=\"offline\"}",
            "segue_step_seconds_count{step=\"retrieve candidates\"}",
            "segue_tool_calls_total{outcome=\"ok\",tool=\"search_tracks\"}",
            "segue_index_tracks",
            "segue_llm_fallbacks_total",
            "http_server_requests_seconds_count"
        }) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
        assertEquals(
                11565.0,
                Double.parseDouble(metrics.lines()
                        .filter(l -> l.startsWith("segue_index_tracks "))
                        .findFirst()
                        .orElseThrow()
                        .split(" ")[1]));
    }
}
