package dev.segue.tools.scale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.bench.PhaseStats;
import dev.segue.tools.common.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the scale benchmark: where and how it ran, and one row per catalog size. It is written as JSON as it
 * stands, so every field is a number, a string or null (never NaN, which JSON cannot hold).
 */
record ScaleRun(
        String started,
        String commit,
        String java,
        List<String> jvmOptions,
        int cpus,
        String command,
        long seed,
        String prompts,
        List<Row> rows) {

    /** This run with one more size measured; the JVM options are the service's, once a size has run it. */
    ScaleRun with(ScaleStep.Measured measured) {
        List<Row> more = new ArrayList<>(rows);
        more.add(measured.row());
        List<String> options = measured.jvmOptions().isEmpty() ? jvmOptions : measured.jvmOptions();
        return new ScaleRun(started, commit, java, options, cpus, command, seed, prompts, List.copyOf(more));
    }

    /** The phases measured against the running service, in report order. */
    static final List<String> PHASES =
            List.of("playlist", "playlist c2", "search", "search c2", "search filtered", "search filtered c2");

    /**
     * One catalog size. A measurement that could not be taken (the ingest failed, the service never became ready, no
     * recall tool) is null, and {@code problems} says why. {@code firstStartSeconds} is the start right after the
     * ingest; {@code readySeconds} the restart after it, from process start to the first 200 from /q/health/ready.
     * {@code loadAverage} is the machine's (1, 5, 15 min) when the size was done: how much else ran meanwhile.
     */
    record Row(
            long tracks,
            Long indexedTracks,
            BigDecimal ingestSeconds,
            BigDecimal ingestTracksPerSecond,
            Long ingestPeakRssBytes,
            Long indexBytes,
            BigDecimal firstStartSeconds,
            BigDecimal readySeconds,
            Long servingRssBytes,
            Long servingPeakRssBytes,
            Map<String, Latency> latencies,
            BigDecimal recallAt20,
            JsonNode recall,
            List<String> problems,
            String loadAverage) {

        /** A size with nothing measured, and why. */
        static Row failed(long tracks, List<String> problems) {
            return new Row(
                    tracks,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    null,
                    problems,
                    ProcStatus.loadAverage());
        }
    }

    /** One phase's nearest-rank percentiles in ms, over its successful requests. */
    record Latency(
            int requests,
            int errors,
            BigDecimal p50,
            BigDecimal p95,
            BigDecimal p99,
            BigDecimal max,
            BigDecimal meanTracks,
            Map<String, Integer> outcomes) {

        static Latency of(PhaseStats stats) {
            return new Latency(
                    stats.requests(),
                    stats.errors(),
                    Numbers.json(stats.p50()),
                    Numbers.json(stats.p95()),
                    Numbers.json(stats.p99()),
                    Numbers.json(stats.max()),
                    Numbers.json(stats.meanTracks()),
                    stats.outcomes());
        }
    }
}
