package dev.segue.diversity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.search.TrackVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiversityMetricsTest {

    /**
     * Ten tracks t0..t9 by five artists (a0..a4, t(i) by a(i mod 5)) with popularity 10, 20, …, 100: the median is 55
     * (t0..t4 are the long tail), the head starts at the 80th percentile, 82 (t8, t9).
     */
    private static DiversityMetrics metrics(boolean withPopularity, Map<String, float[]> vectors) {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tracks.add(track(i, withPopularity ? 10.0 * (i + 1) : null));
        }
        Catalog catalog = new Catalog(tracks, null);
        return new DiversityMetrics(catalog, TrackVectors.of(catalog, vectors));
    }

    private static Track track(int i, Double popularity) {
        return new Track(
                "t" + i,
                "title " + i,
                "a" + (i % 5),
                null,
                null,
                200,
                List.of("rock"),
                List.of(),
                List.of(),
                popularity,
                null,
                null,
                null,
                null);
    }

    private static Map<String, float[]> sameVectorForAll() {
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            vectors.put("t" + i, new float[] {1, 1});
        }
        return vectors;
    }

    @Test
    void handComputedReport() {
        DiversityReport report =
                metrics(true, sameVectorForAll()).measure(List.of(List.of("t0", "t1", "t9")), List.of("t9", "t8"));
        // Per artist over all five: a0 1, a1 1, a4 1, a2 0, a3 0 → (2 · 12) / (5 · 3) − 6 / 5.
        assertEquals(0.4, report.artistGini(), 1e-12);
        assertEquals(2.0 / 3, report.longTailShare(), 1e-12, "t0 and t1 are below the median");
        assertEquals(0.3, report.catalogCoverage(), 1e-12);
        assertEquals(0, report.intraListDiversity(), 1e-6, "identical vectors");
        double expected = Exposure.jensenShannon(new double[] {1.0 / 3, 0, 2.0 / 3}, new double[] {1, 0, 0});
        assertEquals(
                expected, report.popularityCalibration(), 1e-12, "shown head/mid/tail against an all-head history");
    }

    @Test
    void everyArtistShownEquallyIsNoConcentrationAndRepeatsDoNotWidenCoverage() {
        DiversityReport report = metrics(true, sameVectorForAll())
                .measure(
                        List.of(List.of("t0", "t1", "t2", "t3", "t4"), List.of("t0", "t1", "t2", "t3", "t4")),
                        List.of());
        assertEquals(0, report.artistGini(), 1e-12);
        assertEquals(0.5, report.catalogCoverage(), 1e-12);
        assertEquals(1.0, report.longTailShare(), 1e-12);
        assertNull(report.popularityCalibration(), "no history");
    }

    @Test
    void oneArtistOnlyIsConcentrated() {
        DiversityReport report = metrics(true, sameVectorForAll()).measure(List.of(List.of("t0", "t5")), List.of());
        assertEquals(0.8, report.artistGini(), 1e-12, "(n - 1) / n over the catalog's five artists");
    }

    @Test
    void intraListDiversityIsAveragedOverLists() {
        Map<String, float[]> vectors = sameVectorForAll();
        vectors.put("t0", new float[] {1, 0});
        vectors.put("t1", new float[] {0, 1});
        DiversityReport report =
                metrics(true, vectors).measure(List.of(List.of("t0", "t1"), List.of("t2", "t3")), List.of());
        // The first list's pair is orthogonal (distance 1), the second's identical (0).
        assertEquals(0.5, report.intraListDiversity(), 1e-6);
    }

    @Test
    void aCatalogWithoutPopularityHasNoLongTailAndNoCalibration() {
        DiversityReport report =
                metrics(false, sameVectorForAll()).measure(List.of(List.of("t0", "t1")), List.of("t2"));
        assertNull(report.longTailShare());
        assertNull(report.popularityCalibration());
        assertEquals(0.2, report.catalogCoverage(), 1e-12);
    }

    @Test
    void idsTheCatalogDoesNotHoldAreLeftOut() {
        DiversityReport report =
                metrics(true, sameVectorForAll()).measure(List.of(List.of("t9", "nope", "gone")), List.of("nope"));
        assertEquals(0.1, report.catalogCoverage(), 1e-12);
        assertEquals(0.0, report.longTailShare(), 1e-12, "t9 is the head");
        assertNull(report.popularityCalibration(), "no known track in the history");
    }
}
