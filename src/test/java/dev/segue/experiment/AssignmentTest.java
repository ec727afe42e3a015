package dev.segue.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final int IDS = 100_000;

    private static final List<Arm> THREE = List.of(
            new Arm("control", 5, Map.of()), new Arm("b", 3, Map.of("ranker", "none")), new Arm("c", 2, Map.of()));

    @Test
    void theSameListenerGetsTheSameArmEveryTimeAndFromAFreshComputation() {
        for (int i = 0; i < 1000; i++) {
            String user = "user-" + i;
            Arm first = Assignment.arm("exp-1", THREE, user);
            Arm again = Assignment.arm("exp-1", List.copyOf(THREE), user);
            assertEquals(first, again, user);
            assertEquals(Assignment.unit("exp-1", user), Assignment.unit("exp-1", user));
        }
        // pinned values: the hash must never change between versions, or every running experiment would reshuffle
        // (Python: int.from_bytes(sha256(b"exp-1:alice").digest()[:8], "big") >> 11) / 2**53 = 0.664553185406298;
        // 0.66 of the total weight 10 is 6.6, past control's 5 and inside b's 5 to 8
        assertEquals(0.664553185406298, Assignment.unit("exp-1", "alice"), 1e-15);
        assertEquals("b", Assignment.arm("exp-1", THREE, "alice").name());
    }

    @Test
    void overAHundredThousandIdsEachArmIsWithinOnePercentOfItsWeight() {
        Map<String, Long> counts = IntStream.range(0, IDS)
                .mapToObj(
                        i -> Assignment.arm("exp-split", THREE, "listener-" + i).name())
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        assertEquals(Set.of("control", "b", "c"), counts.keySet());
        assertShare(0.5, counts.get("control"));
        assertShare(0.3, counts.get("b"));
        assertShare(0.2, counts.get("c"));

        List<Arm> even = List.of(new Arm("a", 1, Map.of()), new Arm("b", 1, Map.of()));
        long a = IntStream.range(0, IDS)
                .filter(i -> Assignment.arm("exp-even", even, "u" + i).name().equals("a"))
                .count();
        assertShare(0.5, a);
    }

    @Test
    void twoExperimentsAssignIndependently() {
        List<Arm> even = List.of(new Arm("a", 1, Map.of()), new Arm("b", 1, Map.of()));
        Map<String, Integer> cells = new HashMap<>();
        for (int i = 0; i < IDS; i++) {
            String user = "listener-" + i;
            cells.merge(
                    Assignment.arm("exp-x", even, user).name()
                            + Assignment.arm("exp-y", even, user).name(),
                    1,
                    Integer::sum);
        }
        assertEquals(4, cells.size(), cells.toString());
        for (int count : cells.values()) {
            assertShare(0.25, count); // each combination a quarter: knowing one arm says nothing of the other
        }
    }

    @Test
    void unitsAreInTheHalfOpenInterval() {
        for (int i = 0; i < 10_000; i++) {
            double u = Assignment.unit("e", "u" + i);
            assertTrue(u >= 0 && u < 1, "unit " + u);
        }
    }

    private static void assertShare(double expected, long count) {
        double share = count / (double) IDS;
        assertTrue(Math.abs(share - expected) <= 0.01, "share " + share + ", expected " + expected + " ± 0.01");
    }
}
