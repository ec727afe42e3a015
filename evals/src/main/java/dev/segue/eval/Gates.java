package dev.segue.eval;

import dev.segue.eval.Results.Gate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a variant's metrics into pass/fail: the suite's thresholds (a variant may override them), then, with a
 * baseline, every quality metric may drop by at most the tolerance (absolute, on the 0..1 scale).
 */
public final class Gates {

    private Gates() {}

    public static Results.Variant judge(
            Suite suite, EvalRunner.VariantRun run, Results.Run baseline, double tolerance, List<String> notes) {
        Suite.Variant v = run.variant();
        if (run.skipped() != null) {
            return new Results.Variant(
                    v.name(), v.description(), v.options(), run.target(), run.skipped(), Map.of(), List.of());
        }
        Map<String, Double> metrics = Metrics.of(run.runs(), run.catalog());
        fallbackNote(v, run, notes);
        List<Gate> gates = new ArrayList<>();
        Map<String, Threshold> thresholds = new LinkedHashMap<>(suite.thresholds());
        thresholds.putAll(v.thresholds());
        thresholds.forEach((metric, threshold) -> {
            Double actual = metrics.get(metric);
            if (actual == null) {
                if (metrics.getOrDefault("cases", 0.0) > 0) {
                    notes.add(
                            v.name() + ": threshold " + metric + " " + threshold + " not checked: nothing measured it");
                }
                return;
            }
            gates.add(new Gate(metric, "threshold", threshold.toString(), actual, null, threshold.holds(actual)));
        });
        if (baseline != null) {
            Results.Variant before = baseline.variants().stream()
                    .filter(b -> b.name().equals(v.name()))
                    .findFirst()
                    .orElse(null);
            if (before == null || before.skipped() != null) {
                notes.add(v.name() + ": not compared, the baseline has no results for this variant");
            } else {
                for (String metric : Metrics.QUALITY) {
                    Double now = metrics.get(metric);
                    Double then = before.metrics().get(metric);
                    if (now != null && then != null) {
                        gates.add(new Gate(
                                metric,
                                "baseline",
                                ">= baseline - " + Format.number(tolerance),
                                now,
                                then,
                                now >= then - tolerance - 1e-9));
                    }
                }
            }
        }
        return new Results.Variant(
                v.name(), v.description(), v.options(), run.target(), null, metrics, List.copyOf(gates));
    }

    /** A variant that asks for a planner and got another (the LLM path falls back to offline) measured the wrong thing. */
    private static void fallbackNote(Suite.Variant v, EvalRunner.VariantRun run, List<String> notes) {
        String wanted = v.options().path("planner").asText("");
        if (wanted.isEmpty() || wanted.equals("auto")) {
            return;
        }
        List<String> got = run.runs().stream()
                .flatMap(c -> c.turns().stream())
                .filter(t -> t.response() != null && t.response().has("planner"))
                .map(t -> t.response().get("planner").asText())
                .toList();
        long other = got.stream().filter(p -> !p.equals(wanted)).count();
        if (other > 0) {
            notes.add(v.name() + ": " + other + " of " + got.size() + " playlists came from another planner than "
                    + wanted + " (a fallback?); its metrics are not the " + wanted + " planner's alone");
        }
    }
}
