package dev.segue.tools.bench;

import dev.segue.tools.common.Latencies;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One phase's results. Latencies are in ms over the successful (201) requests only, since a fast error would make
 * the service look faster than it is; they are NaN when no request succeeded.
 */
public record PhaseStats(
        String name,
        int concurrency,
        int requests,
        int errors,
        Map<String, Integer> outcomes,
        double p50,
        double p95,
        double p99,
        double max,
        double mean,
        double wallSec,
        double throughput,
        double meanTracks) {

    static PhaseStats of(String name, int concurrency, List<Sample> samples, long wallNanos) {
        Latencies ok = Latencies.ofNanos(
                samples.stream().filter(Sample::ok).mapToLong(Sample::nanos).toArray());
        Map<String, Integer> outcomes = new TreeMap<>();
        samples.forEach(s -> outcomes.merge(s.outcome(), 1, Integer::sum));
        int errors = (int) samples.stream().filter(s -> !s.ok()).count();
        double meanTracks = samples.stream()
                .filter(Sample::ok)
                .mapToInt(Sample::tracks)
                .average()
                .orElse(Double.NaN);
        double wallSec = wallNanos / 1e9;
        return new PhaseStats(
                name,
                concurrency,
                samples.size(),
                errors,
                outcomes,
                ok.percentileMs(50),
                ok.percentileMs(95),
                ok.percentileMs(99),
                ok.maxMs(),
                ok.meanMs(),
                wallSec,
                samples.size() / wallSec,
                meanTracks);
    }
}
