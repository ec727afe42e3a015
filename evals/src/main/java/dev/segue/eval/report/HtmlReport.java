package dev.segue.eval.report;

import dev.segue.eval.ExitCode;
import dev.segue.eval.Format;
import dev.segue.eval.Metrics;
import dev.segue.eval.Results;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Gate;
import dev.segue.eval.Results.Status;
import dev.segue.eval.report.ReportView.Cell;
import dev.segue.eval.report.ReportView.LabelRow;
import dev.segue.eval.report.ReportView.LabelTable;
import dev.segue.eval.report.ReportView.Summary;
import dev.segue.eval.report.ReportView.SummaryCell;
import dev.segue.eval.report.ReportView.SummaryRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One self-contained HTML file per run (templates/HtmlReport/report.html): summary with gates, charts (inline SVG),
 * pass rate by label, a case-by-variant matrix and a drill-down per case with every request, check, playlist and
 * trace. No scripts, nothing fetched.
 */
@ApplicationScoped
public class HtmlReport {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportView view);
    }

    public String render(Results.Run run, Results.Run baseline) {
        return Templates.report(view(run, baseline)).render();
    }

    static ReportView view(Results.Run run, Results.Run baseline) {
        String verdict = switch (run.exitCode()) {
            case ExitCode.OK -> "PASS";
            case ExitCode.SKIPPED -> "SKIP";
            default -> "FAIL";
        };
        List<SvgCharts.Series> series = series(run);
        List<String> quality = Metrics.QUALITY.stream()
                .filter(m -> run.variants().stream().anyMatch(v -> v.metrics().containsKey(m)))
                .toList();
        return new ReportView(
                run.suite(),
                verdict,
                Objects.toString(run.description(), ""),
                run.suiteFile(),
                Objects.toString(run.target(), ""),
                run.startedAt(),
                Format.number(run.seconds()),
                run.repeats(),
                run.concurrency(),
                run.baselineFile(),
                run.notes(),
                summary(run),
                series.isEmpty() || quality.isEmpty() ? null : qualityChart(run, baseline, quality, series),
                series.isEmpty() ? null : SvgCharts.latencyHistograms(series, latencies(run, series)),
                !series.isEmpty(),
                byLabel(run),
                CaseMatrix.of(run, baseline),
                DrillDown.of(run));
    }

    private static Summary summary(Results.Run run) {
        List<String> columns = Metrics.ALL.stream()
                .filter(m -> run.variants().stream().anyMatch(v -> v.metrics().containsKey(m)))
                .toList();
        List<SummaryRow> rows = new ArrayList<>();
        for (int i = 0; i < run.variants().size(); i++) {
            Results.Variant v = run.variants().get(i);
            String result = v.skipped() != null ? "SKIP" : v.failed() ? "FAIL" : "PASS";
            List<SummaryCell> cells =
                    columns.stream().map(c -> summaryCell(v, c)).toList();
            rows.add(new SummaryRow(
                    SvgCharts.color(i),
                    v.name(),
                    Objects.toString(v.description(), ""),
                    Objects.toString(v.options(), ""),
                    Objects.toString(v.target(), ""),
                    result,
                    v.skipped(),
                    cells));
        }
        return new Summary(columns, rows);
    }

    private static SummaryCell summaryCell(Results.Variant v, String metric) {
        Double value = v.metrics().get(metric);
        List<Gate> gates =
                v.gates().stream().filter(g -> g.metric().equals(metric)).toList();
        String cls = gates.isEmpty() ? "num" : gates.stream().allMatch(Gate::passed) ? "num ok" : "num bad";
        List<String> rules = gates.stream()
                .map(g -> g.rule()
                        + (g.baseline() == null
                                ? ""
                                : " (" + Format.metric(metric, g.baseline()) + ", " + signed(g.actual() - g.baseline())
                                        + ")"))
                .toList();
        return new SummaryCell(cls, value == null ? "–" : Format.metric(metric, value), rules);
    }

    private static List<SvgCharts.Series> series(Results.Run run) {
        List<SvgCharts.Series> series = new ArrayList<>();
        for (int i = 0; i < run.variants().size(); i++) {
            Results.Variant v = run.variants().get(i);
            if (v.skipped() == null) {
                series.add(new SvgCharts.Series(v.name(), i, v.metrics()));
            }
        }
        return series;
    }

    private static SvgCharts.QualityChart qualityChart(
            Results.Run run, Results.Run baseline, List<String> metrics, List<SvgCharts.Series> series) {
        List<Map<String, Double>> baselines = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (Results.Variant v : run.variants()) {
            if (v.skipped() != null) {
                continue;
            }
            Results.Variant before = baseline == null
                    ? null
                    : baseline.variants().stream()
                            .filter(b -> b.name().equals(v.name()))
                            .findFirst()
                            .orElse(null);
            baselines.add(before == null ? null : before.metrics());
            v.gates().stream()
                    .filter(g -> g.kind().equals("threshold") && g.rule().startsWith(">="))
                    .forEach(g -> thresholds.putIfAbsent(
                            g.metric(), Double.parseDouble(g.rule().substring(2).strip())));
        }
        return SvgCharts.qualityBars(metrics, series, thresholds, baselines);
    }

    private static List<double[]> latencies(Results.Run run, List<SvgCharts.Series> variants) {
        List<double[]> out = new ArrayList<>();
        for (SvgCharts.Series v : variants) {
            out.add(run.cases().stream()
                    .filter(c -> c.variant().equals(v.name()))
                    .flatMap(c -> c.turns().stream())
                    .filter(t -> t.httpStatus() > 0)
                    .mapToDouble(Results.Turn::latencyMs)
                    .toArray());
        }
        return out;
    }

    private static LabelTable byLabel(Results.Run run) {
        Set<String> labels = new LinkedHashSet<>();
        run.cases().forEach(c -> labels.addAll(c.labels()));
        if (labels.isEmpty()) {
            return null;
        }
        List<LabelRow> rows = new ArrayList<>();
        for (String label : labels) {
            List<Cell> cells = new ArrayList<>();
            for (Results.Variant v : run.variants()) {
                List<CaseRun> runs = run.cases().stream()
                        .filter(c ->
                                c.variant().equals(v.name()) && c.labels().contains(label) && c.status() != Status.SKIP)
                        .toList();
                long passed =
                        runs.stream().filter(c -> c.status() == Status.PASS).count();
                Double precision = v.metrics().get(Metrics.byLabel("tag_precision", label));
                cells.add(new Cell(
                        "num " + (runs.isEmpty() ? "" : passed == runs.size() ? "ok" : "bad"),
                        (runs.isEmpty() ? "–" : passed + "/" + runs.size())
                                + (precision == null ? "" : " · " + Format.metric("tag_precision", precision))));
            }
            rows.add(new LabelRow(label, cells));
        }
        return new LabelTable(run.variants().stream().map(Results.Variant::name).toList(), rows);
    }

    private static String signed(double delta) {
        return (delta >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.3f", delta);
    }
}
