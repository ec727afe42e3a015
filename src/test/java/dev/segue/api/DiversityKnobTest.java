package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** options.diversity against the demo catalog: 0 changes nothing, 1 varies the playlist, hard constraints still hold. */
@QuarkusTest
class DiversityKnobTest {

    private static final String PROMPT = "chill lofi beats for studying";

    private static JsonPath traced(Double diversity, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("prompt", PROMPT);
        if (diversity != null) {
            body.put("options", Map.of("diversity", diversity));
        }
        return Api.createTraced(body);
    }

    private static List<String> stepNames(JsonPath p) {
        return p.getList("trace.steps.name");
    }

    @Test
    void zeroLeavesThePlaylistAsItWas() {
        JsonPath plain = traced(null, Map.of());
        JsonPath zero = traced(0.0, Map.of());
        List<String> ids = plain.getList("tracks.id");
        assertEquals(20, ids.size());
        assertEquals(ids, zero.getList("tracks.id"));
        assertFalse(stepNames(zero).contains("diversity"), "no MMR step at 0: " + stepNames(zero));
    }

    @Test
    void oneRaisesIntraListDiversityAndSaysSoInTheTrace() {
        JsonPath zero = traced(0.0, Map.of());
        JsonPath one = traced(1.0, Map.of());
        assertEquals(20, one.getList("tracks.id").size(), "still full");
        assertNotEquals(zero.getList("tracks.id"), one.getList("tracks.id"));
        double before = zero.getDouble("diversity.intraListDiversity");
        double after = one.getDouble("diversity.intraListDiversity");
        assertTrue(after > before + 0.02, "ILD " + before + " → " + after);
        assertTrue(stepNames(one).contains("diversity"), stepNames(one).toString());
        assertTrue(one.getString("trace.steps.find { it.name == 'diversity' }.detail")
                .contains("MMR"));
    }

    @Test
    void aRefinementKeepsTheKnob() {
        String id = traced(0.75, Map.of()).getString("id");
        JsonPath refined = Api.post("/api/playlists/" + id + "/refine?trace=true", Map.of("prompt", "more upbeat"))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, refined.getInt("version"));
        assertTrue(stepNames(refined).contains("diversity"), stepNames(refined).toString());
    }

    @Test
    void theDiversityObjectComesOnlyWithTheTrace() {
        JsonPath plain = Api.create(Map.of("prompt", PROMPT));
        assertNull(plain.get("diversity"));
        JsonPath withTrace = traced(null, Map.of());
        double coverage = withTrace.getDouble("diversity.catalogCoverage");
        assertTrue(coverage > 0 && coverage < 0.01, "20 tracks of the demo catalog: " + coverage);
    }

    @Test
    void hardConstraintsStillComeFirst() {
        JsonPath zero = traced(0.0, Map.of("length", 15, "maxPerArtist", 1));
        List<String> zeroArtists = zero.getList("tracks.artist");
        assertFalse(zeroArtists.isEmpty());
        String banned = zeroArtists.get(0);
        JsonPath one = traced(1.0, Map.of("length", 15, "maxPerArtist", 1, "excludeArtists", List.of(banned)));
        List<String> artists = one.getList("tracks.artist");
        assertEquals(15, artists.size(), "the size asked for");
        assertEquals(15, artists.stream().distinct().count(), "at most one per artist: " + artists);
        assertEvery(artists, a -> !a.equalsIgnoreCase(banned), "no excluded artist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1"})
    void outsideZeroToOneIsABadRequest(String value) {
        Api.post("/api/playlists", "{\"prompt\":\"jazz\",\"options\":{\"diversity\":" + value + "}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("options.diversity must be between 0 and 1 (got " + value + ")"))
                .body("errors[0].field", equalTo("options.diversity"));
    }
}
