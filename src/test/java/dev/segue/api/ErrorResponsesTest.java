package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every caller mistake is a 4xx with an application/problem+json body whose detail says what to fix. */
@QuarkusTest
class ErrorResponsesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "empty prompt                | {\"prompt\":\"\"}                                   | prompt is required",
                "blank prompt                | {\"prompt\":\"   \"}                                | prompt is required",
                "missing prompt              | {\"length\":20}                                    | prompt is required",
                "length too small            | {\"prompt\":\"jazz\",\"length\":4}                     | length must be between 5 and 100",
                "length too large            | {\"prompt\":\"jazz\",\"length\":101}                   | length must be between 5 and 100",
                "length as string            | {\"prompt\":\"jazz\",\"length\":\"20\"}                  | field \"length\" has the wrong type",
                "length as float             | {\"prompt\":\"jazz\",\"length\":20.5}                  | field \"length\"",
                "huge number                 | {\"prompt\":\"jazz\",\"length\":99999999999999999999}  | length",
                "duration out of range       | {\"prompt\":\"jazz\",\"durationMinutes\":601}          | durationMinutes must be between 5 and 600",
                "length and duration         | {\"prompt\":\"jazz\",\"length\":10,\"durationMinutes\":30} | not both",
                "maxPerArtist zero           | {\"prompt\":\"jazz\",\"maxPerArtist\":0}               | maxPerArtist must be between 1 and 100",
                "unknown planner             | {\"prompt\":\"jazz\",\"options\":{\"planner\":\"gpt\"}}   | options.planner must be one of auto, llm, offline",
                "unknown ranker              | {\"prompt\":\"jazz\",\"options\":{\"ranker\":\"best\"}}   | options.ranker must be one of auto, none",
                "unknown field               | {\"prompt\":\"jazz\",\"lenght\":20}                    | unknown field \"lenght\"",
                "prompt as number            | {\"prompt\":42}                                    | field \"prompt\" has the wrong type",
                "excludeArtists not a list   | {\"prompt\":\"jazz\",\"excludeArtists\":\"X\"}           | field \"excludeArtists\"",
                "unknown seed                | {\"prompt\":\"jazz\",\"seedTrackIds\":[\"nope\"]}        | unknown track id",
                "bad userId                  | {\"prompt\":\"jazz\",\"userId\":\"a b\"}                 | userId must be",
                "malformed JSON              | {\"prompt\":                                       | malformed JSON",
                "trailing garbage            | {\"prompt\":\"jazz\"} x                              | malformed JSON",
                "duplicate key               | {\"prompt\":\"jazz\",\"prompt\":\"rock\"}                | malformed JSON",
                "array body                  | [1,2,3]                                            | must be a JSON object",
                "null body                   | null                                               | prompt"
            })
    void badPlaylistRequests(String name, String body, String detail) {
        Api.post("/api/playlists", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString(detail));
    }

    @Test
    void overLongPromptNamesTheLimit() {
        Api.post("/api/playlists", "{\"prompt\":\"" + "a".repeat(2001) + "\"}")
                .statusCode(400)
                .body("detail", containsString("the limit is 2000"))
                .body("errors[0].field", equalTo("prompt"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT)
                .body("calm piano")
                .when()
                .post("/api/playlists")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIs415() {
        for (String path : new String[] {"/api/playlists", "/api/playlists/p-unknown/refine"}) {
            given().header("Content-Type", "; charset=ISO-8859-1")
                    .body("{\"prompt\":\"calm piano\"}".getBytes(StandardCharsets.UTF_8))
                    .when()
                    .post(path)
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json")
                    .body("detail", containsString("application/json"));
        }
    }

    @Test
    void oversizeBodyIs413() {
        Api.post("/api/playlists", "{\"prompt\":\"" + "a".repeat(70_000) + "\"}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("limit"));
    }

    @Test
    void deepJsonIsRejected() {
        String deep = "{\"prompt\":\"jazz\",\"options\":" + "[".repeat(500) + "]".repeat(500) + "}";
        Api.post("/api/playlists", deep).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownThingsAre404AndWrongMethods405() {
        given().when()
                .get("/api/playlists/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does-not-exist"));
        given().when().get("/api/tracks/jamendo:0").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().put("/api/playlists").then().statusCode(405).contentType("application/problem+json");
        Api.post("/api/playlists/nope/refine", "{\"prompt\":\"x\"}")
                .statusCode(404)
                .body("detail", notNullValue());
    }

    @Test
    void badQueryParametersAre400() {
        given().when()
                .get("/api/playlists/x?version=abc")
                .then()
                .statusCode(400)
                .body("detail", containsString("version"));
        given().when()
                .get("/api/tracks/search?q=jazz&limit=0")
                .then()
                .statusCode(400)
                .body("detail", containsString("limit"));
        given().when().get("/api/tracks/search?q=jazz&limit=x").then().statusCode(400);
        given().when().get("/api/tracks/search").then().statusCode(400).body("detail", containsString("give q"));
        given().when().get("/api/tracks/search?q=jazz&yearFrom=abc").then().statusCode(400);
        Api.post("/api/playlists?trace=maybe", "{\"prompt\":\"jazz\"}")
                .statusCode(400)
                .body("detail", containsString("trace"));
        Api.post("/api/playlists/x/refine", "{}").statusCode(400);
    }
}
