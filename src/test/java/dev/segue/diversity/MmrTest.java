package dev.segue.diversity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MmrTest {

    /** a and b are the same direction, c is orthogonal to both, d is halfway. */
    private static final Map<String, float[]> VECTORS = Map.of(
            "a", new float[] {1, 0},
            "b", new float[] {1, 0},
            "c", new float[] {0, 1},
            "d", new float[] {1, 1});

    private static List<String> order(double lambda, int picks) {
        return Mmr.order(List.of("a", "b", "c", "d"), VECTORS::get, lambda, picks);
    }

    @Test
    void lambdaOneKeepsTheRankedOrder() {
        assertEquals(List.of("a", "b", "c", "d"), order(1, 4));
    }

    @Test
    void lambdaZeroTakesTheMostUnlikeNext() {
        // a first (ties go to the better ranked), then c (orthogonal), then d (cos 0.71 to both) before b (cos 1 to a).
        assertEquals(List.of("a", "c", "d", "b"), order(0, 4));
    }

    @Test
    void aHalfWeightStillSkipsADuplicate() {
        // After a: b scores 0.5·0.67 − 0.5·1 < c's 0.5·0.33 − 0 → c comes before b.
        assertEquals("c", order(0.5, 4).get(1));
    }

    @Test
    void onlyThePicksAreReorderedTheRestKeepsItsRank() {
        assertEquals(List.of("a", "c", "b", "d"), order(0, 2));
    }
}
