package dev.segue.eval.report;

import dev.segue.eval.Results.Check;
import java.util.List;

/**
 * What templates/HtmlReport/report.html shows, already computed and formatted: the template only lays it out (and
 * escapes it). Empty strings and nulls are parts a run does not have.
 */
public record ReportView(
        String suite,
        String verdict,
        String description,
        String suiteFile,
        String target,
        String startedAt,
        String seconds,
        int repeats,
        int concurrency,
        String baselineFile,
        List<String> notes,
        Summary summary,
        SvgCharts.QualityChart quality,
        SvgCharts.LatencyChart latency,
        boolean charts,
        LabelTable labels,
        Matrix matrix,
        List<CaseDetail> cases) {

    /** The summary table: one row per variant, one column per metric that some variant has. */
    public record Summary(List<String> columns, List<SummaryRow> rows) {}

    public record SummaryRow(
            String color,
            String name,
            String description,
            String options,
            String target,
            String result,
            String skipped,
            List<SummaryCell> cells) {}

    /** A metric's value and the gates on it ("&gt;= 0.9", with the baseline and the change where there is one). */
    public record SummaryCell(String cls, String value, List<String> gates) {}

    /** A table cell: its CSS classes and text. */
    public record Cell(String cls, String text) {}

    public record LabelTable(List<String> variants, List<LabelRow> rows) {}

    public record LabelRow(String label, List<Cell> cells) {}

    public record Matrix(List<String> variants, List<MatrixRow> rows) {}

    public record MatrixRow(String caseId, String anchor, String labels, String prompt, List<Cell> cells) {}

    public record CaseDetail(
            String caseId, String anchor, boolean failed, String prompt, String knownIssue, List<RunDetail> runs) {}

    /** One case under one variant and repeat; {@code repeat} is " · repeat N" or empty. */
    public record RunDetail(String status, String variant, String repeat, String skipped, List<TurnView> turns) {}

    /**
     * One request and what came back: a DJ segment, a request's interpretation, a playlist (with its tracks and
     * trace), or any other body pretty-printed.
     */
    public record TurnView(
            String step,
            String prompt,
            int httpStatus,
            String latency,
            String request,
            List<Check> checks,
            List<MetricView> metrics,
            SegmentView segment,
            String interpretation,
            PlaylistView playlist,
            List<String> notes,
            TrackTable tracks,
            TraceView trace,
            String body) {}

    public record MetricView(String name, String value) {}

    public record SegmentView(String intro, int number, String energy, String targetEnergy, String reason) {}

    public record PlaylistView(String title, String description, String planner, String ranker) {}

    /** A segment's tracks are shown open: a segment is a few tracks and the point of its step. */
    public record TrackTable(boolean segment, int count, List<TrackRow> rows) {}

    public record TrackRow(
            int position, String title, String artist, String year, String tags, String reason, String score) {}

    public record TraceView(int toolCount, String totalMs, List<ToolCallRow> calls, List<StepRow> steps) {}

    public record ToolCallRow(String name, String arguments, int results, String ms, String error) {}

    public record StepRow(String name, String ms, String detail) {}
}
