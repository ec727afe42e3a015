package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** DELETE /api/users/{id} removes a listener's playlists (every version) and DJ sessions, and nobody else's. */
@QuarkusTest
class UserDataTest {

    @Test
    void deletingAListenerRemovesTheirDataOnly() {
        String user = "listener-" + System.nanoTime();
        String mine =
                Api.create("{\"prompt\":\"jazz\",\"userId\":\"" + user + "\"}").getString("id");
        Api.refine(mine, "no piano");
        String theirs =
                Api.create("{\"prompt\":\"jazz\",\"userId\":\"someone-else\"}").getString("id");
        String session = Api.openSession("{\"userId\":\"" + user + "\"}");

        given().delete("/api/users/" + user)
                .then()
                .statusCode(200)
                .body("playlists", equalTo(1))
                .body("djSessions", equalTo(1));

        given().get("/api/playlists/" + mine).then().statusCode(404);
        given().get("/api/playlists/" + mine + "?version=1").then().statusCode(404);
        given().get("/api/dj/sessions/" + session).then().statusCode(404);
        given().get("/api/playlists/" + theirs).then().statusCode(200);
        given().delete("/api/users/" + user).then().statusCode(200).body("playlists", equalTo(0));
        given().delete("/api/users/bad%20id").then().statusCode(400).contentType("application/problem+json");
    }
}
