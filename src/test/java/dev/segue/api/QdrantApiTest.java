package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.search.FakeQdrant;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The service configured for Qdrant: it loads the collection at start, searches it, and answers 503 when it is gone. */
@QuarkusTest
@TestProfile(QdrantProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QdrantApiTest {

    FakeQdrant fake;

    @Test
    @Order(1)
    void readinessReportsTheLoadedCollection() throws InterruptedException {
        // Loading opens the index at start; a slow machine may finish it in the background retry instead.
        for (int i = 0; i < 60 && given().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(500);
        }
        JsonPath health = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> check = check(health, "vector-store");
        assertEquals("UP", check.get("status"));
        Map<?, ?> data = (Map<?, ?>) check.get("data");
        assertEquals("qdrant", data.get("store"));
        assertEquals("segue_api_test", data.get("collection"));
        assertEquals(40, ((Number) data.get("points")).intValue());
        assertEquals("green", data.get("collectionStatus"));
    }

    @Test
    @Order(2)
    void playlistsAndSearchesAreAnsweredByQdrant() {
        fake.clearRequests();
        given().when().get("/api/tracks/search?q=love&limit=5").then().statusCode(200);
        List<QueryPoints> queries = fake.requests(QueryPoints.class);
        assertTrue(queries.stream().anyMatch(q -> q.getUsing().equals("tags")), "a vector search");
        assertTrue(queries.stream().anyMatch(q -> q.getUsing().equals("names")), "a BM25 name search");

        JsonPath p = Api.create("{\"prompt\":\"upbeat pop\",\"length\":5}");
        assertFalse(p.getList("tracks").isEmpty());
    }

    @Test
    @Order(3)
    void anUnreachableQdrantIsA503WithRetryAfterAndReadinessDown() throws Exception {
        fake.stop();
        try {
            long start = System.nanoTime();
            Response r = given().contentType(ContentType.JSON)
                    .body("{\"prompt\":\"upbeat pop\",\"length\":5}")
                    .when()
                    .post("/api/playlists");
            double seconds = (System.nanoTime() - start) / 1e9;
            r.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503))
                    .body("detail", containsString("retry in"));
            assertTrue(seconds < 8, "answered in " + seconds + " s, within the configured timeouts");

            given().when()
                    .get("/api/tracks/search?q=love")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2");
            JsonPath health = given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .extract()
                    .jsonPath();
            Map<String, Object> check = check(health, "vector-store");
            assertEquals("DOWN", check.get("status"));
            assertTrue(
                    String.valueOf(((Map<?, ?>) check.get("data")).get("message"))
                            .contains("unreachable"),
                    check.toString());
        } finally {
            fake.restart();
        }
        Thread.sleep(2100); // the circuit breaker's delay
        given().when().get("/q/health/ready").then().statusCode(200);
        Api.create("{\"prompt\":\"upbeat pop\",\"length\":5}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(JsonPath health, String name) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream()
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
    }
}
