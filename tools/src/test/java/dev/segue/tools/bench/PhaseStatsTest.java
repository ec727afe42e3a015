package dev.segue.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void latencyCountsOnlyCreatedPlaylistsButErrorsCountEverythingElse() {
        List<Sample> samples = List.of(
                new Sample(10 * MS, 201, null, 20),
                new Sample(20 * MS, 201, null, 18),
                new Sample(30 * MS, 201, null, 22),
                new Sample(1 * MS, 500, null, 0),
                new Sample(5_000 * MS, -1, "HttpTimeoutException", 0));

        PhaseStats stats = PhaseStats.of("concurrent", 8, samples, 2_000 * MS);

        assertEquals(5, stats.requests());
        assertEquals(2, stats.errors());
        assertEquals(Map.of("201", 3, "500", 1, "HttpTimeoutException", 1), stats.outcomes());
        assertEquals(20.0, stats.p50());
        assertEquals(30.0, stats.p95());
        assertEquals(30.0, stats.max());
        assertEquals(20.0, stats.mean());
        assertEquals(20.0, stats.meanTracks());
        assertEquals(2.0, stats.wallSec());
        assertEquals(2.5, stats.throughput());
    }

    @Test
    void aPhaseWhereNothingSucceededHasNoLatency() {
        PhaseStats stats = PhaseStats.of("sequential", 1, List.of(new Sample(MS, 503, null, 0)), MS);

        assertEquals(1, stats.errors());
        assertTrue(Double.isNaN(stats.p50()));
        assertTrue(Double.isNaN(stats.meanTracks()));
    }
}
