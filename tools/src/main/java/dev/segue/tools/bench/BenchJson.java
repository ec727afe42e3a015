package dev.segue.tools.bench;

import static dev.segue.tools.common.Numbers.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report: every number plus what is needed to judge it (options, client JVM and machine).
 * Records give the field order; latencies are rounded to µs and are null where JSON has no number for NaN.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record BenchJson(
        String timestamp,
        String label,
        String command,
        Options options,
        Client client,
        Warmup warmup,
        String latencyNote,
        List<Phase> phases) {

    record Options(
            String url,
            String prompts,
            int promptCount,
            int rounds,
            int concurrency,
            int requests,
            int warmup,
            String out,
            long shuffleSeed,
            long requestTimeoutSec) {}

    record Client(String javaVersion, String javaVendor, String os, String osVersion, String arch, int cpus) {}

    record Warmup(int requests, int errors) {}

    record Phase(
            String name,
            int concurrency,
            int requests,
            int errors,
            Map<String, Integer> outcomes,
            LatencyMs latencyMs,
            BigDecimal wallSeconds,
            BigDecimal throughputPerSec,
            BigDecimal meanTracks) {}

    record LatencyMs(BigDecimal p50, BigDecimal p95, BigDecimal p99, BigDecimal max, BigDecimal mean) {}

    static BenchJson of(BenchRun run) {
        BenchOptions o = run.options();
        return new BenchJson(
                run.started().toString(),
                o.label(),
                run.command(),
                new Options(
                        o.url(),
                        o.prompts().toString(),
                        run.promptCount(),
                        o.rounds(),
                        o.concurrency(),
                        o.requests(),
                        o.warmup(),
                        o.out().toString(),
                        Phases.SHUFFLE_SEED,
                        PlaylistClient.REQUEST_TIMEOUT.toSeconds()),
                thisClient(),
                new Warmup(o.warmup() * run.promptCount(), run.warmupErrors()),
                "ms, send + full body read, nearest-rank percentiles over 201 responses",
                run.phases().stream().map(BenchJson::phase).toList());
    }

    private static Client thisClient() {
        return new Client(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    private static Phase phase(PhaseStats p) {
        return new Phase(
                p.name(),
                p.concurrency(),
                p.requests(),
                p.errors(),
                p.outcomes(),
                new LatencyMs(json(p.p50()), json(p.p95()), json(p.p99()), json(p.max()), json(p.mean())),
                json(p.wallSec()),
                json(p.throughput()),
                json(p.meanTracks()));
    }
}
