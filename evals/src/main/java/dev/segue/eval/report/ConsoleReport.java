package dev.segue.eval.report;

import dev.segue.eval.Format;
import dev.segue.eval.Metrics;
import dev.segue.eval.Results;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Gate;
import dev.segue.eval.Results.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The table printed at the end of a run: one row per variant, then what failed and what was skipped. */
public final class ConsoleReport {

    private ConsoleReport() {}

    public static void print(Results.Run run, PrintWriter out) {
        table(run, out);
        byLabel(run, out);
        for (Results.Variant v : run.variants()) {
            if (v.skipped() != null) {
                out.println("  " + v.name() + ": skipped (" + v.skipped() + ")");
            }
            for (Gate g : v.gates()) {
                if (!g.passed()) {
                    out.println("  " + v.name() + ": " + g.metric() + " " + Format.metric(g.metric(), g.actual())
                            + " fails " + g.kind() + " " + g.rule()
                            + (g.baseline() == null
                                    ? ""
                                    : " (baseline " + Format.metric(g.metric(), g.baseline()) + ")"));
                }
            }
        }
        failedCases(run, out);
        knownIssues(run, out);
        skippedCases(run, out);
        run.notes().forEach(n -> out.println("note: " + n));
    }

    /** Fixed-width columns with String.format: a terminal table needs nothing more. */
    private static void table(Results.Run run, PrintWriter out) {
        List<String> columns = new ArrayList<>(List.of("cases", "skipped"));
        for (String m : Stream.concat(Metrics.QUALITY.stream(), Metrics.DIVERSITY.stream())
                .toList()) {
            if (run.variants().stream().anyMatch(v -> v.metrics().containsKey(m))) {
                columns.add(m);
            }
        }
        columns.addAll(List.of("latency_p50_ms", "latency_p95_ms"));
        int nameWidth = Math.max(
                8,
                run.variants().stream().mapToInt(v -> v.name().length()).max().orElse(8));
        StringBuilder header =
                new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-6s", "variant", "result"));
        columns.forEach(c -> header.append(String.format(Locale.ROOT, "  %" + Math.max(7, c.length()) + "s", c)));
        out.println();
        out.println("suite " + run.suite() + " (" + run.suiteFile() + ") against " + run.target());
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Results.Variant v : run.variants()) {
            String result = v.skipped() != null ? "SKIP" : v.failed() ? "FAIL" : "ok";
            StringBuilder row =
                    new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-6s", v.name(), result));
            for (String c : columns) {
                Double value = v.metrics().get(c);
                String cell = value == null ? "–" : Format.metric(c, value);
                boolean gateFailed = v.gates().stream().anyMatch(g -> g.metric().equals(c) && !g.passed());
                row.append(String.format(
                        Locale.ROOT, "  %" + Math.max(7, c.length()) + "s", cell + (gateFailed ? "!" : "")));
            }
            out.println(row);
        }
    }

    /**
     * Per label and variant that ran: its cases passed out of those run (known issues included, so a fix shows), and
     * tag_precision over them; "!" marks a failed gate on the label.
     */
    private static void byLabel(Results.Run run, PrintWriter out) {
        List<Results.Variant> ran =
                run.variants().stream().filter(v -> v.skipped() == null).toList();
        Set<String> labels = new TreeSet<>();
        run.cases().forEach(c -> labels.addAll(c.labels()));
        if (ran.isEmpty() || labels.isEmpty()) {
            return;
        }
        int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "label"));
        ran.forEach(v -> header.append(String.format(Locale.ROOT, "  %-18s", v.name())));
        out.println();
        out.println("by label: cases passed / run (known issues included) · tag_precision (! a failed gate)");
        out.println(header.toString().stripTrailing());
        for (String label : labels) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", label));
            ran.forEach(v -> row.append(String.format(Locale.ROOT, "  %-18s", labelCell(run, v, label))));
            out.println(row.toString().stripTrailing());
        }
    }

    private static String labelCell(Results.Run run, Results.Variant v, String label) {
        List<CaseRun> cases = run.cases().stream()
                .filter(c -> c.variant().equals(v.name()) && c.labels().contains(label) && c.status() != Status.SKIP)
                .toList();
        long passed = cases.stream().filter(c -> c.status() == Status.PASS).count();
        String metric = Metrics.byLabel("tag_precision", label);
        Double precision = v.metrics().get(metric);
        boolean failed =
                v.gates().stream().anyMatch(g -> g.metric().endsWith(Metrics.LABEL_SEPARATOR + label) && !g.passed());
        return passed + "/" + cases.size()
                + (precision == null ? "" : " · " + Format.metric("tag_precision", precision))
                + (failed ? "!" : "");
    }

    private static void failedCases(Results.Run run, PrintWriter out) {
        List<CaseRun> failed = run.cases().stream()
                .filter(c -> c.status() == Status.FAIL && c.knownIssue() == null)
                .toList();
        if (!failed.isEmpty()) {
            out.println("failed cases:");
            failed.forEach(c -> out.println("  " + c.variant() + " / " + c.caseId()
                    + (run.repeats() > 1 ? " (repeat " + (c.repeat() + 1) + ")" : "") + ": " + c.firstFailure()));
        }
    }

    /** One line per variant and case, failing repeats first. */
    private static void knownIssues(Results.Run run, PrintWriter out) {
        Map<String, CaseRun> known = new LinkedHashMap<>();
        run.cases().stream()
                .filter(c -> c.knownIssue() != null && c.status() != Status.SKIP)
                .forEach(c ->
                        known.merge(c.variant() + " / " + c.caseId(), c, (a, b) -> a.status() == Status.FAIL ? a : b));
        known.forEach((name, c) -> out.println("known issue " + name + ": "
                + (c.status() == Status.PASS
                        ? "passes now; remove its known_issue"
                        : "still fails (" + c.knownIssue() + ")")));
    }

    private static void skippedCases(Results.Run run, PrintWriter out) {
        List<String> reasons = run.cases().stream()
                .filter(c -> c.status() == Status.SKIP)
                .map(CaseRun::skipped)
                .distinct()
                .toList();
        reasons.forEach(why -> out.println("skipped cases: "
                + run.cases().stream()
                        .filter(c -> c.status() == Status.SKIP && why.equals(c.skipped()))
                        .count() + " (" + why + ")"));
    }
}
