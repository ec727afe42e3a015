package dev.segue.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Gate;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML file per run: summary with gates, charts (inline SVG), pass rate by label, a case-by-variant
 * matrix and a drill-down per case with every request, check, playlist and trace. No scripts, nothing fetched.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#222}
            h1{margin-bottom:4px} h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0} th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f5f5f5} td.num{text-align:right;font-variant-numeric:tabular-nums}
            .PASS,.ok{background:#e3f4e1} .FAIL,.bad{background:#fbe0dd} .SKIP{background:#eee;color:#666}
            .KNOWN{background:#fdf0c8}
            .badge{display:inline-block;padding:2px 10px;border-radius:10px;font-size:14px;vertical-align:middle}
            .meta{color:#555} details{margin:6px 0;border:1px solid #e3e3e3;border-radius:4px;padding:4px 8px}
            summary{cursor:pointer} .turn{margin:8px 0 14px 12px} .small{font-size:12px;color:#555}
            code,pre{font:12px ui-monospace,monospace} pre{white-space:pre-wrap;background:#f8f8f8;padding:6px;margin:4px 0}
            .tags{color:#555;font-size:12px} .swatch{display:inline-block;width:10px;height:10px;margin-right:4px}
            """;

    private HtmlReport() {}

    public static String render(Results.Run run, Results.Run baseline) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>Segue evals: ")
                .append(escape(run.suite()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        String verdict = run.exitCode() == EvalCli.OK ? "PASS" : run.exitCode() == EvalCli.SKIPPED ? "SKIP" : "FAIL";
        h.append("<h1>")
                .append(escape(run.suite()))
                .append(" <span class=\"badge ")
                .append(verdict)
                .append("\">")
                .append(verdict)
                .append("</span></h1>");
        h.append("<p>").append(escape(run.description())).append("</p>");
        h.append("<p class=\"meta\">")
                .append(escape(run.suiteFile()))
                .append(" · target ")
                .append(escape(run.target()))
                .append(" · started ")
                .append(escape(run.startedAt()))
                .append(" · ")
                .append(Format.number(run.seconds()))
                .append(" s · ")
                .append(run.repeats())
                .append(" repeat(s), concurrency ")
                .append(run.concurrency())
                .append(run.baselineFile() == null ? "" : " · baseline " + escape(run.baselineFile()))
                .append("</p>");
        for (String note : run.notes()) {
            h.append("<p class=\"meta\">Note: ").append(escape(note)).append("</p>");
        }
        summary(h, run);
        charts(h, run, baseline);
        byLabel(h, run);
        matrix(h, run, baseline);
        drillDown(h, run);
        return h.append("</body></html>").toString();
    }

    private static void summary(StringBuilder h, Results.Run run) {
        h.append("<h2>Summary</h2><table><tr><th>variant</th><th>options</th><th>result</th>");
        List<String> columns = new ArrayList<>();
        for (String m : Metrics.ALL) {
            if (run.variants().stream().anyMatch(v -> v.metrics().containsKey(m))) {
                columns.add(m);
                h.append("<th>").append(m).append("</th>");
            }
        }
        h.append("</tr>");
        for (int i = 0; i < run.variants().size(); i++) {
            Results.Variant v = run.variants().get(i);
            String result = v.skipped() != null ? "SKIP" : v.failed() ? "FAIL" : "PASS";
            h.append("<tr><td><span class=\"swatch\" style=\"background:")
                    .append(SvgCharts.color(i))
                    .append("\"></span>")
                    .append(escape(v.name()))
                    .append("<div class=\"small\">")
                    .append(escape(v.description()))
                    .append("</div></td><td><code>")
                    .append(escape(v.options() == null ? "" : v.options().toString()))
                    .append("</code><div class=\"small\">")
                    .append(escape(v.target()))
                    .append("</div></td><td class=\"")
                    .append(result)
                    .append("\">")
                    .append(result)
                    .append(v.skipped() == null ? "" : "<div class=\"small\">" + escape(v.skipped()) + "</div>")
                    .append("</td>");
            for (String c : columns) {
                Double value = v.metrics().get(c);
                List<Gate> gates =
                        v.gates().stream().filter(g -> g.metric().equals(c)).toList();
                String cls = gates.isEmpty() ? "num" : gates.stream().allMatch(Gate::passed) ? "num ok" : "num bad";
                h.append("<td class=\"")
                        .append(cls)
                        .append("\">")
                        .append(value == null ? "–" : Format.metric(c, value));
                for (Gate g : gates) {
                    h.append("<div class=\"small\">")
                            .append(escape(g.rule()))
                            .append(
                                    g.baseline() == null
                                            ? ""
                                            : " (" + Format.metric(c, g.baseline()) + ", "
                                                    + signed(g.actual() - g.baseline()) + ")")
                            .append("</div>");
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void charts(StringBuilder h, Results.Run run, Results.Run baseline) {
        List<String> metrics = Metrics.QUALITY.stream()
                .filter(m -> run.variants().stream().anyMatch(v -> v.metrics().containsKey(m)))
                .toList();
        List<SvgCharts.Series> series = new ArrayList<>();
        List<Map<String, Double>> baselines = new ArrayList<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int i = 0; i < run.variants().size(); i++) {
            Results.Variant v = run.variants().get(i);
            if (v.skipped() != null) {
                continue;
            }
            series.add(new SvgCharts.Series(v.name(), i, v.metrics()));
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
        if (series.isEmpty()) {
            return;
        }
        if (!metrics.isEmpty()) {
            h.append("<h2>Quality by variant</h2><p class=\"small\">Bars: mean per variant. Dashed black: the suite's "
                    + "threshold. Grey tick: the baseline.</p>");
            h.append(SvgCharts.qualityBars(metrics, series, thresholds, baselines));
        }
        h.append("<h2>Latency</h2><p class=\"small\">Round trip per request as the runner measured it, log scale; "
                + "solid line the median, dashed p95.</p>");
        h.append(SvgCharts.latencyHistograms(series, SvgCharts.latencies(run, series)));
    }

    private static void byLabel(StringBuilder h, Results.Run run) {
        Set<String> labels = new LinkedHashSet<>();
        run.cases().forEach(c -> labels.addAll(c.labels()));
        if (labels.isEmpty()) {
            return;
        }
        h.append("<h2>Pass rate by label</h2><table><tr><th>label</th>");
        run.variants().forEach(v -> h.append("<th>").append(escape(v.name())).append("</th>"));
        h.append("</tr>");
        for (String label : labels) {
            h.append("<tr><td>").append(escape(label)).append("</td>");
            for (Results.Variant v : run.variants()) {
                List<CaseRun> runs = run.cases().stream()
                        .filter(c ->
                                c.variant().equals(v.name()) && c.labels().contains(label) && c.status() != Status.SKIP)
                        .toList();
                long passed =
                        runs.stream().filter(c -> c.status() == Status.PASS).count();
                h.append("<td class=\"num ")
                        .append(runs.isEmpty() ? "" : passed == runs.size() ? "ok" : "bad")
                        .append("\">")
                        .append(runs.isEmpty() ? "–" : passed + "/" + runs.size())
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void matrix(StringBuilder h, Results.Run run, Results.Run baseline) {
        h.append("<h2>Cases</h2><p class=\"small\">Cell: passed runs / runs and the first measured turn's main metric; "
                + "amber: a known issue (fails, not counted in pass_rate); a ▼ marks a case that passed in the baseline "
                + "and fails now. Click a case for its drill-down.</p>");
        h.append("<table><tr><th>case</th><th>prompt</th>");
        run.variants().forEach(v -> h.append("<th>").append(escape(v.name())).append("</th>"));
        h.append("</tr>");
        for (String caseId : caseIds(run)) {
            CaseRun any = run.cases().stream()
                    .filter(c -> c.caseId().equals(caseId))
                    .findFirst()
                    .orElseThrow();
            h.append("<tr><td><a href=\"#")
                    .append(anchor(caseId))
                    .append("\">")
                    .append(escape(caseId))
                    .append("</a>")
                    .append("<div class=\"small\">")
                    .append(escape(String.join(", ", any.labels())))
                    .append("</div></td><td>")
                    .append(escape(abbreviate(promptOf(run, caseId), 90)))
                    .append("</td>");
            for (Results.Variant v : run.variants()) {
                List<CaseRun> runs = runsOf(run, caseId, v.name());
                if (runs.isEmpty()) {
                    h.append("<td class=\"SKIP\">–</td>");
                    continue;
                }
                long passed =
                        runs.stream().filter(c -> c.status() == Status.PASS).count();
                boolean skipped = runs.stream().allMatch(c -> c.status() == Status.SKIP);
                String cls = skipped
                        ? "SKIP"
                        : passed == runs.size() ? "PASS" : runs.get(0).knownIssue() != null ? "KNOWN" : "FAIL";
                String metric = mainMetric(runs.get(0));
                boolean flipped = baseline != null
                        && cls.equals("FAIL")
                        && runsOf(baseline, caseId, v.name()).stream().anyMatch(c -> c.status() == Status.PASS);
                h.append("<td class=\"num ")
                        .append(cls)
                        .append("\">")
                        .append(skipped ? "skip" : passed + "/" + runs.size())
                        .append(metric == null ? "" : " · " + metric)
                        .append(flipped ? " ▼" : "")
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void drillDown(StringBuilder h, Results.Run run) {
        h.append("<h2>Drill-down</h2>");
        for (String caseId : caseIds(run)) {
            boolean failed = run.cases().stream()
                    .anyMatch(c -> c.caseId().equals(caseId) && c.status() == Status.FAIL && c.knownIssue() == null);
            String knownIssue = run.cases().stream()
                    .filter(c -> c.caseId().equals(caseId))
                    .map(CaseRun::knownIssue)
                    .filter(k -> k != null)
                    .findFirst()
                    .orElse(null);
            h.append("<details id=\"")
                    .append(anchor(caseId))
                    .append("\"")
                    .append(failed ? " open" : "")
                    .append("><summary><b>")
                    .append(escape(caseId))
                    .append("</b> ")
                    .append(failed ? "<span class=\"badge FAIL\">fails</span> " : "")
                    .append(escape(abbreviate(promptOf(run, caseId), 140)))
                    .append("</summary>");
            if (knownIssue != null) {
                h.append("<p class=\"KNOWN\">Known issue: ")
                        .append(escape(knownIssue))
                        .append("</p>");
            }
            for (Results.Variant v : run.variants()) {
                for (CaseRun c : runsOf(run, caseId, v.name())) {
                    h.append("<h4><span class=\"badge ")
                            .append(c.status())
                            .append("\">")
                            .append(c.status())
                            .append("</span> ")
                            .append(escape(v.name()))
                            .append(run.repeats() > 1 ? " · repeat " + (c.repeat() + 1) : "")
                            .append(c.skipped() == null ? "" : " · " + escape(c.skipped()))
                            .append("</h4>");
                    c.turns().forEach(t -> turn(h, t));
                }
            }
            h.append("</details>");
        }
    }

    private static void turn(StringBuilder h, Turn t) {
        String step = t.step() != null ? t.step() : t.index() == 0 ? "prompt" : "refine " + t.index();
        h.append("<div class=\"turn\"><div><b>")
                .append(escape(step))
                .append("</b>")
                .append(t.prompt().isEmpty() ? "" : ": ")
                .append(escape(abbreviate(t.prompt(), 400)))
                .append(" <span class=\"small\">HTTP ")
                .append(t.httpStatus())
                .append(", ")
                .append(Format.metric("_ms", t.latencyMs()))
                .append(" ms</span></div>");
        if (t.request() != null && !t.request().isNull()) {
            h.append("<details><summary class=\"small\">request</summary><pre>")
                    .append(escape(pretty(t.request())))
                    .append("</pre></details>");
        }
        h.append("<table><tr><th>check</th><th>result</th><th>detail</th></tr>");
        for (Check c : t.checks()) {
            h.append("<tr><td>")
                    .append(escape(c.name()))
                    .append("</td><td class=\"")
                    .append(c.status())
                    .append("\">")
                    .append(c.status())
                    .append("</td><td>")
                    .append(escape(c.detail()))
                    .append("</td></tr>");
        }
        t.metrics()
                .forEach((k, v) -> h.append("<tr><td>")
                        .append(escape(k))
                        .append("</td><td>metric</td><td>")
                        .append(Format.metric(k, v))
                        .append("</td></tr>"));
        h.append("</table>");
        JsonNode body = t.response();
        boolean segment = body != null && body.has("segment");
        if (segment) {
            h.append("<div><i>")
                    .append(escape(body.path("intro").asText()))
                    .append("</i> <span class=\"small\">segment ")
                    .append(body.path("segment").asInt())
                    .append(" · energy ")
                    .append(Format.number(body.path("energy").asDouble()))
                    .append(" (target ")
                    .append(Format.number(body.path("targetEnergy").asDouble()))
                    .append(") · ")
                    .append(escape(body.path("reason").asText()))
                    .append("</span></div>");
        } else if (body != null && body.has("interpretation")) {
            h.append("<div>interpretation: <i>")
                    .append(escape(body.path("interpretation").asText()))
                    .append("</i></div>");
        }
        if (body != null && body.has("tracks")) {
            if (!segment) {
                h.append("<div><b>")
                        .append(escape(body.path("title").asText()))
                        .append("</b> <span class=\"small\">")
                        .append(escape(body.path("description").asText()))
                        .append(" · planner ")
                        .append(escape(body.path("planner").asText()))
                        .append(", ranker ")
                        .append(escape(body.path("ranker").asText()))
                        .append("</span></div>");
            }
            for (JsonNode note : body.path("notes")) {
                h.append("<div class=\"small\">note: ")
                        .append(escape(note.asText()))
                        .append("</div>");
            }
            // A segment is a few tracks and the point of its step: shown open.
            h.append("<details")
                    .append(segment ? " open" : "")
                    .append("><summary class=\"small\">")
                    .append(segment ? "segment" : "playlist")
                    .append(" (")
                    .append(body.path("tracks").size())
                    .append(
                            " tracks)</summary><table><tr><th>#</th><th>title</th><th>artist</th><th>tags</th><th>reason</th><th>score</th></tr>");
            for (JsonNode track : body.path("tracks")) {
                h.append("<tr><td class=\"num\">")
                        .append(track.path("position").asInt())
                        .append("</td><td>")
                        .append(escape(track.path("title").asText()))
                        .append("</td><td>")
                        .append(escape(track.path("artist").asText()))
                        .append(
                                track.hasNonNull("year")
                                        ? " (" + track.get("year").asInt() + ")"
                                        : "")
                        .append("</td><td class=\"tags\">")
                        .append(escape(String.join(" ", Checks.tagsOf(track))))
                        .append("</td><td class=\"small\">")
                        .append(escape(track.path("reason").asText()))
                        .append("</td><td class=\"num\">")
                        .append(Format.number(track.path("score").asDouble()))
                        .append("</td></tr>");
            }
            h.append("</table></details>");
            trace(h, body.path("trace"));
        } else if (body != null && !body.isNull() && !body.has("interpretation")) {
            h.append("<pre>").append(escape(pretty(body))).append("</pre>");
        }
        h.append("</div>");
    }

    private static void trace(StringBuilder h, JsonNode trace) {
        if (trace.isMissingNode()) {
            return;
        }
        h.append("<details><summary class=\"small\">trace: ")
                .append(trace.path("toolCalls").size())
                .append(" tool calls, ")
                .append(Format.number(trace.path("totalMs").asDouble()))
                .append(" ms on the server</summary>");
        h.append("<table><tr><th>tool</th><th>arguments</th><th>results</th><th>ms</th><th>error</th></tr>");
        for (JsonNode call : trace.path("toolCalls")) {
            h.append("<tr><td>")
                    .append(escape(call.path("name").asText()))
                    .append("</td><td><code>")
                    .append(escape(call.path("arguments").toString()))
                    .append("</code></td><td class=\"num\">")
                    .append(call.path("resultCount").asInt())
                    .append("</td><td class=\"num\">")
                    .append(Format.number(call.path("ms").asDouble()))
                    .append("</td><td>")
                    .append(escape(
                            call.path("error").isNull()
                                    ? ""
                                    : call.path("error").asText()))
                    .append("</td></tr>");
        }
        h.append("</table><table><tr><th>step</th><th>ms</th><th>detail</th></tr>");
        for (JsonNode step : trace.path("steps")) {
            h.append("<tr><td>")
                    .append(escape(step.path("name").asText()))
                    .append("</td><td class=\"num\">")
                    .append(Format.number(step.path("ms").asDouble()))
                    .append("</td><td>")
                    .append(escape(
                            step.path("detail").isNull()
                                    ? ""
                                    : step.path("detail").asText()))
                    .append("</td></tr>");
        }
        h.append("</table></details>");
    }

    /** The first turn's main metric; a DJ script's first step measures nothing, so the first turn that does. */
    private static String mainMetric(CaseRun run) {
        for (Turn t : run.turns()) {
            for (String key : List.of("tag_precision", "r_precision", "rubric_score")) {
                if (t.metrics().containsKey(key)) {
                    return Format.metric(key, t.metrics().get(key));
                }
            }
        }
        return null;
    }

    private static List<String> caseIds(Results.Run run) {
        return run.cases().stream().map(CaseRun::caseId).distinct().toList();
    }

    private static List<CaseRun> runsOf(Results.Run run, String caseId, String variant) {
        return run.cases().stream()
                .filter(c -> c.caseId().equals(caseId) && c.variant().equals(variant))
                .toList();
    }

    private static String promptOf(Results.Run run, String caseId) {
        return run.cases().stream()
                .filter(c -> c.caseId().equals(caseId) && !c.turns().isEmpty())
                .map(c -> c.turns().get(0).prompt())
                .findFirst()
                .orElse("");
    }

    private static String anchor(String caseId) {
        return "case-" + caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String signed(double delta) {
        return (delta >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.3f", delta);
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                // Control characters (a prompt may hold NUL) are not allowed in HTML: show them as escapes.
                default ->
                    out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
