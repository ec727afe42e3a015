package dev.segue.tools.common;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies measured in nanoseconds, summarised in milliseconds. Percentiles are nearest-rank, so every value reported
 * is one that was measured, never an interpolation between two.
 */
public final class Latencies {

    private static final double NANOS_PER_MILLI = 1e6;

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Latencies ofNanos(long... nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    public static Latencies ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile in ms: the smallest value with at least p% of the values at or below it; NaN if none. */
    public double percentileMs(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / NANOS_PER_MILLI;
    }

    /** The slowest in ms; NaN if none. */
    public double maxMs() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / NANOS_PER_MILLI;
    }

    /** The mean in ms; NaN if none. */
    public double meanMs() {
        return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / NANOS_PER_MILLI;
    }
}
