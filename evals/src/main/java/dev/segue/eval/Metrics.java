package dev.segue.eval;

import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbers a variant is judged by. Quality metrics are means in 0..1 (higher is better) and are compared against a
 * baseline; latency and error counts are gated by thresholds only, since they depend on the machine.
 */
public final class Metrics {

    /** Means over turns (a turn that did not measure one is left out of its mean). */
    private static final List<String> PER_TURN =
            List.of("tag_precision", "r_precision", "ndcg_at_10", "recall_at_50", "recall", "rubric_score");
    /** Higher is better, 0..1: compared against a baseline. In the order reports show them. */
    public static final List<String> QUALITY = concat(List.of("pass_rate", "check_pass_rate"), PER_TURN);
    /**
     * How varied the playlists are (docs/diversity.md): per-turn means of what the service measured of each playlist,
     * then exposure over all the variant's playlists. Neither better nor worse: shown, gated only by thresholds.
     */
    private static final List<String> DIVERSITY_PER_TURN =
            List.of("intra_list_diversity", "long_tail_share", "popularity_calibration");

    public static final List<String> DIVERSITY = concat(DIVERSITY_PER_TURN, List.of("artist_gini", "catalog_coverage"));
    /** Lower is better. */
    public static final List<String> COST =
            List.of("latency_p50_ms", "latency_p95_ms", "latency_max_ms", "server_errors");
    /** Counts shown for context. */
    public static final List<String> COUNTS = List.of("cases", "skipped", "known_issues", "refusals");
    /** Every metric, in the order reports list them. */
    public static final List<String> ALL = concat(COUNTS, QUALITY, DIVERSITY, COST);

    public static final Set<String> KNOWN = Set.copyOf(ALL);

    /** Between a quality metric and a label in the name of the metric over that label's cases. */
    public static final String LABEL_SEPARATOR = "@";

    private Metrics() {}

    /**
     * The metrics of one variant's runs; a metric nothing measured (no tag assertions, no judge) is left out.
     * pass_rate and check_pass_rate leave out known-issue cases; the per-turn means (tag_precision, ...) keep them,
     * so a known bug still shows in the numbers. Each quality metric is also measured over the cases of each label,
     * as {@code metric@label} (e.g. tag_precision@typo), which thresholds can gate.
     */
    public static Map<String, Double> of(List<CaseRun> runs) {
        Map<String, Double> out = overall(runs);
        Set<String> labels = new TreeSet<>();
        runs.forEach(r -> labels.addAll(r.labels()));
        for (String label : labels) {
            Map<String, Double> own = overall(
                    runs.stream().filter(r -> r.labels().contains(label)).toList());
            QUALITY.stream()
                    .filter(own::containsKey)
                    .forEach(metric -> out.put(byLabel(metric, label), own.get(metric)));
        }
        return out;
    }

    /** As {@link #of(List)}, with artist_gini and catalog_coverage over the served catalog (null: left out). */
    public static Map<String, Double> of(List<CaseRun> runs, ExposureMetrics.CatalogSize catalog) {
        Map<String, Double> out = of(runs);
        out.putAll(ExposureMetrics.of(
                runs.stream().filter(r -> r.status() != Status.SKIP).toList(), catalog));
        return out;
    }

    /** The name of a metric measured over one label's cases. */
    public static String byLabel(String metric, String label) {
        return metric + LABEL_SEPARATOR + label;
    }

    private static Map<String, Double> overall(List<CaseRun> runs) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<CaseRun> ran = runs.stream().filter(r -> r.status() != Status.SKIP).toList();
        out.put("cases", (double) ran.size());
        out.put("skipped", (double) (runs.size() - ran.size()));
        if (ran.isEmpty()) {
            return out;
        }
        List<CaseRun> counted = ran.stream().filter(CaseRun::countsForPassRate).toList();
        out.put("known_issues", (double) (ran.size() - counted.size()));
        if (!counted.isEmpty()) {
            out.put(
                    "pass_rate",
                    counted.stream().filter(r -> r.status() == Status.PASS).count() / (double) counted.size());
        }
        List<Check> checks = counted.stream()
                .flatMap(r -> r.turns().stream())
                .flatMap(t -> t.checks().stream())
                .filter(c -> c.status() != Status.SKIP)
                .toList();
        if (!checks.isEmpty()) {
            out.put(
                    "check_pass_rate",
                    checks.stream().filter(c -> c.status() == Status.PASS).count() / (double) checks.size());
        }
        List<Turn> turns = ran.stream().flatMap(r -> r.turns().stream()).toList();
        for (String metric : concat(PER_TURN, DIVERSITY_PER_TURN)) {
            turns.stream()
                    .map(t -> t.metrics().get(metric))
                    .filter(v -> v != null)
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .ifPresent(mean -> out.put(metric, mean));
        }
        double[] latencies = turns.stream()
                .filter(t -> t.httpStatus() > 0)
                .mapToDouble(Turn::latencyMs)
                .sorted()
                .toArray();
        if (latencies.length > 0) {
            out.put("latency_p50_ms", percentile(latencies, 50));
            out.put("latency_p95_ms", percentile(latencies, 95));
            out.put("latency_max_ms", latencies[latencies.length - 1]);
        }
        out.put("server_errors", (double) turns.stream()
                .filter(t -> t.httpStatus() >= 500 || t.httpStatus() == 0)
                .count());
        out.put("refusals", (double) turns.stream()
                .filter(t -> t.httpStatus() >= 400 && t.httpStatus() < 500)
                .count());
        return out;
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static boolean higherIsBetter(String metric) {
        return QUALITY.contains(metric);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
