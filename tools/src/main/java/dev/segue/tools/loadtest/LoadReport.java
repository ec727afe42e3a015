package dev.segue.tools.loadtest;

import dev.segue.tools.common.Latencies;
import dev.segue.tools.common.Numbers;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The load test's markdown report: totals, latency per endpoint and over all, and the service's memory. */
final class LoadReport {

    private LoadReport() {}

    /** What the report is about: the run's settings and what it recorded. */
    record Inputs(
            String label,
            int clients,
            int seconds,
            double wallSeconds,
            List<Sample> samples,
            Map<String, Integer> ioErrors,
            List<MemorySampler.RssSample> rss,
            String pid) {

        long httpErrors() {
            return samples.stream().filter(Sample::failed).count();
        }

        int ioErrorCount() {
            return ioErrors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static String markdown(Inputs in) {
        StringBuilder out = new StringBuilder();
        out.append(format(
                "### Segue load test, %s%s%n%n",
                LocalDateTime.now().withNano(0), in.label().isBlank() ? "" : " (" + in.label() + ")"));
        out.append(format(
                "%d clients for %d s (wall %.1f s): %,d requests, %.1f req/s, %d HTTP errors, %d I/O errors %s%n%n",
                in.clients(),
                in.seconds(),
                in.wallSeconds(),
                in.samples().size(),
                in.samples().size() / in.wallSeconds(),
                in.httpErrors(),
                in.ioErrorCount(),
                in.ioErrors().isEmpty() ? "" : new TreeMap<>(in.ioErrors()).toString()));
        out.append("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        byEndpoint(in.samples()).forEach((endpoint, samples) -> out.append(row(endpoint, samples)));
        out.append(memory(in.rss(), in.pid()));
        return out.toString();
    }

    /** Per endpoint in name order, then "(all)" (its parenthesis sorts it first). */
    private static Map<String, List<Sample>> byEndpoint(List<Sample> samples) {
        Map<String, List<Sample>> groups = new TreeMap<>();
        samples.forEach(s ->
                groups.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s));
        groups.put("(all)", samples);
        return groups;
    }

    private static String row(String endpoint, List<Sample> samples) {
        Latencies latencies =
                Latencies.ofNanos(samples.stream().map(Sample::nanos).toList());
        long errors = samples.stream().filter(Sample::failed).count();
        return format(
                "| %s | %,d | %d | %s | %s | %s | %s |%n",
                endpoint,
                samples.size(),
                errors,
                Numbers.fixed(latencies.percentileMs(50), 1),
                Numbers.fixed(latencies.percentileMs(95), 1),
                Numbers.fixed(latencies.percentileMs(99), 1),
                Numbers.fixed(latencies.maxMs(), 1));
    }

    private static String memory(List<MemorySampler.RssSample> rss, String pid) {
        if (rss.isEmpty()) {
            return "\nMemory: not sampled (no --pid and no quarkus-run.jar process found)\n";
        }
        long first = rss.get(0).kb();
        long last = rss.get(rss.size() - 1).kb();
        long max = rss.stream().mapToLong(MemorySampler.RssSample::kb).max().orElse(0);
        return format(
                "%nMemory (RSS of pid %s, every %d s): start %,d MB, end %,d MB, max %,d MB%n",
                pid, MemorySampler.INTERVAL_SECONDS, first / 1024, last / 1024, max / 1024);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
