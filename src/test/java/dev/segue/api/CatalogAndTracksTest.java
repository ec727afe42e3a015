package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogAndTracksTest {

    @Test
    void catalogDescribesItselfAndItsIndex() {
        given().when()
                .get("/api/catalog")
                .then()
                .statusCode(200)
                .body("size", equalTo(11565))
                .body("format", equalTo("jamendo"))
                .body("vocabulary.instrument.piano", equalTo(1627))
                .body("index.store", equalTo("embedded-lucene"))
                .body("index.count", equalTo(11565))
                .body("index.dimension", equalTo(384));
    }

    @Test
    void searchCombinesMeaningNamesAndFilters() {
        given().when()
                .get("/api/tracks/search?q=Jahzzar&limit=5")
                .then()
                .statusCode(200)
                .body("tracks.artist", hasItem("Jahzzar"));
        given().when()
                .get("/api/tracks/search?q=sad&instrument=cello&limit=10")
                .then()
                .statusCode(200)
                .body("count", greaterThan(0))
                .body("tracks.instruments", everyItem(hasItem("cello")));
        given().when()
                .get("/api/tracks/search?genre=jazz&mood=sad&limit=50")
                .then()
                .statusCode(200)
                .body("count", lessThanOrEqualTo(50))
                .body("tracks.genres", everyItem(hasItem("jazz")))
                .body("tracks.moods", everyItem(hasItem("sad")));
    }

    @Test
    void oneTrackHasAllItsFacts() {
        given().when()
                .get("/api/tracks/jamendo:214")
                .then()
                .statusCode(200)
                .body("title", equalTo("Intro chiante"))
                .body("artist", equalTo("David TMX"))
                .body("url", equalTo("https://www.jamendo.com/track/214"))
                .body("license", equalTo("CC-BY-NC-SA-2.0"));
    }

    @Test
    void healthAndOpenApi() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", Matchers.hasKey("/api/playlists"));
    }
}
