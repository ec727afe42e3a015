package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diversity metrics a run reports: the service's per playlist, averaged, and exposure over all playlists. */
class DiversityMetricsTest {

    private static JsonNode playlist(String json) {
        try {
            return Json.JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static CaseRun caseRun(String id, JsonNode body) {
        Turn turn = new Turn(0, null, "p", null, 201, 10, body, List.of(), PlaylistCaseRunner.diversityOf(body));
        return new CaseRun(id, "offline", 0, Status.PASS, null, null, List.of(), List.of(turn));
    }

    private static final JsonNode FIRST = playlist(
            "{'tracks': [{'id': 't1', 'artist': 'Ann'}, {'id': 't2', 'artist':"
                    + " 'Bob'}], 'diversity': {'intraListDiversity': 0.4, 'longTailShare': 0.5, 'popularityCalibration': null}}");
    private static final JsonNode SECOND = playlist("{'tracks': [{'id': 't1', 'artist': 'ANN'}, {'id': 't3', 'artist':"
            + " 'Ann!'}], 'diversity': {'intraListDiversity': 0.2, 'longTailShare': 0.0}}");

    @Test
    void perPlaylistMetricsAreMeansAndANullIsLeftOut() {
        Map<String, Double> metrics = Metrics.of(List.of(caseRun("a", FIRST), caseRun("b", SECOND)));
        assertEquals(0.3, metrics.get("intra_list_diversity"), 1e-12);
        assertEquals(0.25, metrics.get("long_tail_share"), 1e-12);
        assertFalse(metrics.containsKey("popularity_calibration"), "no playlist measured it");
        assertFalse(metrics.containsKey("artist_gini"), "the catalog's size is unknown");
    }

    @Test
    void exposureIsOverTheCatalogsArtistsAndTracks() {
        Map<String, Double> metrics =
                Metrics.of(List.of(caseRun("a", FIRST), caseRun("b", SECOND)), new ExposureMetrics.CatalogSize(10, 4));
        // Ann 3 (three spellings, one artist), Bob 1, and two artists never shown: counts 0, 0, 1, 3.
        // Σ|xi − xj| over ordered pairs = 2·(0 + 1 + 3 + 1 + 3 + 2) = 20; 2 n² mean = 2 · 16 · 1 = 32.
        assertEquals(20.0 / 32, metrics.get("artist_gini"), 1e-12);
        assertEquals(0.3, metrics.get("catalog_coverage"), 1e-12, "t1, t2, t3 of 10");
    }

    @Test
    void giniOfEqualCountsIsZeroAndOfOneArtistIsHigh() {
        assertEquals(0, ExposureMetrics.gini(new int[] {2, 2, 2}), 1e-12);
        assertEquals(2.0 / 3, ExposureMetrics.gini(new int[] {0, 0, 5}), 1e-12);
    }
}
