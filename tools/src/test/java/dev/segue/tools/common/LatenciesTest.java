package dev.segue.tools.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000L;

    /** 1, 2, ... n ms: the k-th smallest value is k ms, so a percentile's rank can be read off the result. */
    private static Latencies millisecondsFromOneTo(int n) {
        return Latencies.ofNanos(LongStream.rangeClosed(1, n).map(ms -> ms * MS).toArray());
    }

    @Test
    void nearestRankPicksAMeasuredValueAtOrAboveTheShare() {
        // 1..100 ms: p50 is the 50th value, p95 the 95th, p99 the 99th.
        Latencies hundred = millisecondsFromOneTo(100);

        assertEquals(50.0, hundred.percentileMs(50));
        assertEquals(95.0, hundred.percentileMs(95));
        assertEquals(99.0, hundred.percentileMs(99));
        assertEquals(100.0, hundred.percentileMs(100));
    }

    @Test
    void roundsTheRankUpOnSmallSamples() {
        // 10 values: p95 needs 9.5 values at or below, so the 10th; p50 needs 5, so the 5th (no interpolation).
        Latencies ten = millisecondsFromOneTo(10);

        assertEquals(5.0, ten.percentileMs(50));
        assertEquals(10.0, ten.percentileMs(95));
        assertEquals(1.0, ten.percentileMs(0));
    }

    @Test
    void roundsUpEvenWhenTheShareIsCloserToTheRankBelow() {
        // The bench's 37 prompts: 95% of 37 is 35.15 values, so the 36th; 99% is 36.63, so the 37th.
        Latencies prompts = millisecondsFromOneTo(37);

        assertEquals(36.0, prompts.percentileMs(95));
        assertEquals(37.0, prompts.percentileMs(99));
        assertEquals(19.0, prompts.percentileMs(50));
    }

    @Test
    void sortsWhatItIsGiven() {
        Latencies shuffled = Latencies.ofNanos(List.of(30 * MS, 10 * MS, 20 * MS));

        assertEquals(20.0, shuffled.percentileMs(50));
        assertEquals(30.0, shuffled.maxMs());
        assertEquals(20.0, shuffled.meanMs());
        assertEquals(3, shuffled.count());
    }

    @Test
    void oneValueIsEveryPercentile() {
        Latencies one = Latencies.ofNanos(1_500_000L);

        assertEquals(1.5, one.percentileMs(1));
        assertEquals(1.5, one.percentileMs(99));
    }

    @Test
    void nothingMeasuredIsNotANumberRatherThanZero() {
        Latencies none = Latencies.ofNanos();

        assertTrue(Double.isNaN(none.percentileMs(50)));
        assertTrue(Double.isNaN(none.maxMs()));
        assertTrue(Double.isNaN(none.meanMs()));
        assertEquals("-", Numbers.fixed(none.percentileMs(50), 1));
    }
}
