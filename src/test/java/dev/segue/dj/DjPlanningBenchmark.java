package dev.segue.dj;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.trace.Trace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm segment planning time ({@link DjPlanner#plan}: retrieval, the sequence model over the played tracks, scoring,
 * the chooser) on the demo catalog, sessions of several vibes some segments in. Not part of the test suite (tag
 * "benchmark"): tools/sequence/bench/run runs it and it writes tools/sequence/bench/dj-planning.md. It asserts
 * nothing about time.
 */
@QuarkusTest
@Tag("benchmark")
class DjPlanningBenchmark {

    private static final List<String> VIBES = List.of(
            "chill electronic for a late night", "upbeat pop for a party", "calm piano to focus", "rock workout");
    private static final int WARMUP = 40;
    private static final int CALLS = 200;

    @Inject
    DjService service;

    @Inject
    DjPlanner planner;

    @Test
    void timesSegmentPlanning() throws IOException {
        List<DjState> states = new ArrayList<>();
        for (String vibe : VIBES) {
            String id = service.open(null, vibe, 60).id();
            for (int segment = 0; segment < 4; segment++) {
                service.next(id);
            }
            states.add(service.find(id).orElseThrow());
        }
        assertFalse(states.get(0).history().played().isEmpty());
        for (int i = 0; i < WARMUP; i++) {
            planner.plan(states.get(i % states.size()), null, new Trace());
        }
        double[] ms = new double[CALLS];
        boolean sequenced = false;
        for (int i = 0; i < CALLS; i++) {
            Trace trace = new Trace();
            long start = System.nanoTime();
            planner.plan(states.get(i % states.size()), null, trace);
            ms[i] = (System.nanoTime() - start) / 1e6;
            sequenced |= trace.steps().stream().anyMatch(s -> "sequence".equals(s.name()));
        }
        assertTrue(sequenced, "the sequence model took part");
        Arrays.sort(ms);
        String result = String.format(
                Locale.ROOT,
                "# DJ segment planning, warm (DjPlanningBenchmark)%n%n%d calls over %d sessions 4 segments in, demo"
                        + " catalog, sequence model on: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d cores,"
                        + " load average %.1f)%n",
                CALLS,
                states.size(),
                ms[CALLS / 2],
                ms[(int) Math.ceil(CALLS * 0.95) - 1],
                ms[(int) Math.ceil(CALLS * 0.99) - 1],
                ms[CALLS - 1],
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path out = Path.of(System.getProperty("dj.bench.out", "tools/sequence/bench"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("dj-planning.md"), result);
        System.out.print(result);
    }
}
