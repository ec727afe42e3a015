package dev.segue.diversity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {

    @Test
    void giniOfEqualCountsIsZero() {
        assertEquals(0, Exposure.gini(new int[] {3, 3, 3, 3}), 1e-12);
        assertEquals(0, Exposure.gini(new int[] {0, 0, 0}), 1e-12, "nothing shown: no concentration");
    }

    @Test
    void giniOfOneArtistOnlyIsHigh() {
        // One of four holds everything: (n - 1) / n.
        assertEquals(0.75, Exposure.gini(new int[] {0, 8, 0, 0}), 1e-12);
    }

    @Test
    void giniOfAHandComputedCase() {
        // Counts 1, 2, 3: Σ|xi − xj| over ordered pairs = 8, divided by 2 n² mean = 2 · 9 · 2 = 36.
        assertEquals(8.0 / 36, Exposure.gini(new int[] {3, 1, 2}), 1e-12);
    }

    @Test
    void identicalVectorsAreNotDiverse() {
        float[] v = {0.6f, 0.8f};
        assertEquals(0, Exposure.meanPairwiseDistance(List.of(v, v.clone(), v.clone())), 1e-6);
    }

    @Test
    void orthogonalAndOppositeVectorsAreDistant() {
        float[] x = {1, 0};
        float[] y = {0, 1};
        float[] minusX = {-1, 0};
        assertEquals(1, Exposure.meanPairwiseDistance(List.of(x, y)), 1e-6);
        // Pairs: x·y → 1, x·−x → 2, y·−x → 1.
        assertEquals(4.0 / 3, Exposure.meanPairwiseDistance(List.of(x, y, minusX)), 1e-6);
        assertEquals(0, Exposure.meanPairwiseDistance(List.of(x)), 1e-12, "one vector has no pairs");
    }

    @Test
    void jensenShannonIsZeroForEqualAndOneForDisjointDistributions() {
        double[] head = {1, 0, 0};
        double[] tail = {0, 0, 1};
        double[] even = {0.5, 0, 0.5};
        assertEquals(0, Exposure.jensenShannon(even, even.clone()), 1e-12);
        assertEquals(1, Exposure.jensenShannon(head, tail), 1e-12);
        // Hand computed: KL(head‖m) = 1·log2(1/0.75); KL(even‖m) = 0.5·log2(0.5/0.75) + 0.5·log2(0.5/0.25).
        double m = (Math.log(1 / 0.75) + 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(2)) / Math.log(2) / 2;
        assertEquals(m, Exposure.jensenShannon(head, even), 1e-12);
    }
}
