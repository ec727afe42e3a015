package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A playlist leaves Segue as a file a player opens: M3U8, XSPF or JSPF, by ?format= or by Accept. */
@QuarkusTest
class PlaylistExportTest {

    @TestHTTPResource("/api/")
    URI playlists;

    @Test
    void m3u8HasOneEntryPerTrackInOrder() {
        JsonPath p = Api.create("{\"prompt\":\"calm piano\",\"length\":8}");
        String m3u = given().when()
                .get("/api/playlists/" + p.getString("id") + "/export?format=m3u8")
                .then()
                .statusCode(200)
                .contentType(startsWith("audio/x-mpegurl"))
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"segue-" + p.getString("id") + "-v1.m3u8\""))
                .extract()
                .asString();
        List<String> lines = m3u.lines().toList();
        assertEquals("#EXTM3U", lines.get(0));
        List<String> urls = p.getList("tracks.url");
        assertEquals(8, urls.size());
        assertEquals(urls, lines.stream().filter(l -> !l.startsWith("#")).toList());
        String first = "#EXTINF:" + Math.round(p.getDouble("tracks[0].durationSec")) + ","
                + p.getString("tracks[0].artist") + " - " + p.getString("tracks[0].title");
        assertEquals(
                first,
                lines.stream().filter(l -> l.startsWith("#EXTINF")).findFirst().orElseThrow());
    }

    @Test
    void xspfAndJspfCarryTheSameTracksAndTheReasons() {
        JsonPath p = Api.create("{\"prompt\":\"upbeat electronic\",\"length\":6}");
        String id = p.getString("id");
        XmlPath xspf = new XmlPath(export(id, "xspf", "application/xspf+xml"));
        assertEquals(p.getString("title"), xspf.getString("playlist.title"));
        assertEquals(p.getString("description"), xspf.getString("playlist.annotation"));
        assertEquals(p.getList("tracks.title"), xspf.getList("playlist.trackList.track.title"));
        assertEquals(p.getList("tracks.reason"), xspf.getList("playlist.trackList.track.annotation"));
        assertEquals(
                Math.round(p.getDouble("tracks[0].durationSec") * 1000),
                xspf.getLong("playlist.trackList.track[0].duration"));
        JsonPath jspf = new JsonPath(export(id, "jspf", "application/jspf+json"));
        assertEquals(p.getList("tracks.title"), jspf.getList("playlist.track.title"));
        assertEquals(p.getList("tracks.artist"), jspf.getList("playlist.track.creator"));
        assertEquals(p.getString("tracks[0].url"), jspf.getString("playlist.track[0].location[0]"));
        assertEquals(6, jspf.getList("playlist.track").size());
    }

    @Test
    void anEarlierVersionExportsAsItWas() {
        JsonPath v1 = Api.create("{\"prompt\":\"calm piano\",\"length\":6}");
        String id = v1.getString("id");
        JsonPath v2 = Api.removeTrack(id, v1.getString("tracks[0].id"));
        assertFalse(v2.getList("tracks.id").contains(v1.getString("tracks[0].id")));
        JsonPath exported = new JsonPath(given().when()
                .get("/api/playlists/" + id + "/export?format=jspf&version=1")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("-v1.jspf"))
                .extract()
                .asString());
        assertEquals(v1.getList("tracks.title"), exported.getList("playlist.track.title"));
        JsonPath latest = new JsonPath(export(id, "jspf", "application/jspf+json"));
        assertEquals(v2.getList("tracks.title"), latest.getList("playlist.track.title"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({
        "audio/x-mpegurl, #EXTM3U, audio/x-mpegurl",
        "application/xspf+xml, <?xml, application/xspf+xml",
        "application/jspf+json, {\"playlist\", application/jspf+json",
        "'application/jspf+json;q=0.5, application/xspf+xml', <?xml, application/xspf+xml",
        "'audio/*', #EXTM3U, audio/x-mpegurl"
    })
    void acceptOnThePlaylistItselfChoosesTheFormat(String accept, String start, String type) {
        String id = Api.create("{\"prompt\":\"calm piano\",\"length\":5}").getString("id");
        given().accept(accept)
                .when()
                .get("/api/playlists/" + id + "?version=1")
                .then()
                .statusCode(200)
                .contentType(startsWith(type))
                .body(startsWith(start));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({"application/json", "*/*", "'text/html, */*;q=0.8'"})
    void otherAcceptsStillReadJson(String accept) {
        String id = Api.create("{\"prompt\":\"calm piano\",\"length\":5}").getString("id");
        given().accept(accept)
                .when()
                .get("/api/playlists/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo(id));
    }

    @Test
    void noAcceptReadsJson() throws Exception {
        String id = Api.create("{\"prompt\":\"calm piano\",\"length\":5}").getString("id");
        // RestAssured always sends an Accept header; the JDK's client sends none unless told.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(playlists.resolve("playlists/" + id))
                                .build(),
                        BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(
                response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"),
                response.headers().toString());
        assertEquals(id, new JsonPath(response.body()).getString("id"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown format  | ?format=pls             | 400 | format must be one of jspf, m3u8, xspf (got \"pls\")",
                "no format       | ''                      | 400 | format must be one of jspf, m3u8, xspf",
                "version zero    | ?format=m3u8&version=0  | 400 | version must be",
                "unknown version | ?format=m3u8&version=9  | 404 | has no version 9"
            })
    void mistakesAreProblems(String name, String query, int status, String detail) {
        String id = Api.create("{\"prompt\":\"calm piano\",\"length\":5}").getString("id");
        given().when()
                .get("/api/playlists/" + id + "/export" + query)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("detail", containsString(detail));
    }

    @Test
    void anUnknownPlaylistIs404() {
        given().when()
                .get("/api/playlists/nope/export?format=xspf")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no playlist with id \"nope\""));
        given().accept("application/xspf+xml")
                .when()
                .get("/api/playlists/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static String export(String id, String format, String mediaType) {
        return given().when()
                .get("/api/playlists/" + id + "/export?format=" + format)
                .then()
                .statusCode(200)
                .contentType(startsWith(mediaType))
                .extract()
                .asString();
    }
}
