package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** options.ranker: "auto" re-ranks with the shipped transformer model, "none" keeps the foundation scorer. */
@QuarkusTest
class RankerApiTest {

    @Test
    void autoUsesTheTransformerAndTheTraceNamesIt() {
        JsonPath p = Api.create(
                "{\"prompt\":\"calm piano music to help me focus while studying\",\"options\":{\"ranker\":\"auto\"}}");
        assertTrue(p.getString("ranker").startsWith("transformer:segue-ranker-"), p.getString("ranker"));
        assertEquals(20, p.getList("tracks").size());
        JsonPath traced = Api.createTraced("{\"prompt\":\"sad jazz\"}");
        List<Map<String, Object>> steps = traced.getList("trace.steps");
        Map<String, Object> note = steps.stream()
                .filter(s -> "ranker".equals(s.get("name")))
                .findFirst()
                .orElseThrow();
        assertTrue(
                note.get("detail").toString().startsWith(traced.getString("ranker") + " re-ranked "), note.toString());
        List<Double> scores = traced.getList("tracks.score", Double.class);
        assertEvery(scores, s -> s >= 0 && s <= 1.05, "served scores stay in 0..1");
    }

    @Test
    void noneKeepsTheFoundationScorerAcrossVersions() {
        JsonPath p = Api.create("{\"prompt\":\"epic orchestral soundtrack\",\"options\":{\"ranker\":\"none\"}}");
        assertEquals("baseline", p.getString("ranker"));
        assertEquals(20, p.getList("tracks").size());
        JsonPath refined = Api.refine(p.getString("id"), "more upbeat");
        assertEquals("baseline", refined.getString("ranker"));
    }

    @Test
    void seedTracksBecomeTheRankersContext() {
        String seed = Api.create("{\"prompt\":\"acoustic folk\",\"length\":5}").getString("tracks[0].id");
        JsonPath p = Api.createTraced("{\"prompt\":\"acoustic folk\",\"seedTrackIds\":[\"" + seed + "\"]}");
        assertTrue(p.getString("ranker").startsWith("transformer:"), p.getString("ranker"));
        assertEquals(20, p.getList("tracks").size());
        List<Map<String, Object>> steps = p.getList("trace.steps");
        Map<String, Object> note = steps.stream()
                .filter(s -> "ranker".equals(s.get("name")))
                .findFirst()
                .orElseThrow();
        assertTrue(note.get("detail").toString().contains("(1 context tracks)"), note.toString());
        // The model was trained on first requests only: refined versions are ranked by the foundation scorer.
        JsonPath refined = Api.refine(p.getString("id"), "calmer");
        assertEquals("baseline", refined.getString("ranker"));
    }
}
