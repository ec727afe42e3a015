package dev.segue.eval.report;

import static dev.segue.eval.report.CaseMatrix.abbreviate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Format;
import dev.segue.eval.Json;
import dev.segue.eval.Results;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import dev.segue.eval.TrackTags;
import dev.segue.eval.report.ReportView.CaseDetail;
import dev.segue.eval.report.ReportView.MetricView;
import dev.segue.eval.report.ReportView.PlaylistView;
import dev.segue.eval.report.ReportView.RunDetail;
import dev.segue.eval.report.ReportView.SegmentView;
import dev.segue.eval.report.ReportView.StepRow;
import dev.segue.eval.report.ReportView.ToolCallRow;
import dev.segue.eval.report.ReportView.TraceView;
import dev.segue.eval.report.ReportView.TrackRow;
import dev.segue.eval.report.ReportView.TrackTable;
import dev.segue.eval.report.ReportView.TurnView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The drill-down per case: each run's requests, checks and metrics, and what came back, read from the JSON. */
final class DrillDown {

    private DrillDown() {}

    static List<CaseDetail> of(Results.Run run) {
        List<CaseDetail> details = new ArrayList<>();
        for (String caseId : CaseMatrix.caseIds(run)) {
            boolean failed = run.cases().stream()
                    .anyMatch(c -> c.caseId().equals(caseId) && c.status() == Status.FAIL && c.knownIssue() == null);
            String knownIssue = run.cases().stream()
                    .filter(c -> c.caseId().equals(caseId))
                    .map(CaseRun::knownIssue)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            List<RunDetail> runs = new ArrayList<>();
            for (Results.Variant v : run.variants()) {
                for (CaseRun c : CaseMatrix.runsOf(run, caseId, v.name())) {
                    String repeat = run.repeats() > 1 ? " · repeat " + (c.repeat() + 1) : "";
                    List<TurnView> turns =
                            c.turns().stream().map(DrillDown::turn).toList();
                    runs.add(new RunDetail(c.status().name(), v.name(), repeat, c.skipped(), turns));
                }
            }
            details.add(new CaseDetail(
                    caseId,
                    CaseMatrix.anchor(caseId),
                    failed,
                    abbreviate(CaseMatrix.promptOf(run, caseId), 140),
                    knownIssue,
                    runs));
        }
        return details;
    }

    private static TurnView turn(Turn t) {
        String step = t.step() != null ? t.step() : t.index() == 0 ? "prompt" : "refine " + t.index();
        JsonNode body = t.response();
        boolean hasBody = body != null && !body.isNull();
        boolean segment = hasBody && body.has("segment");
        boolean tracks = hasBody && body.has("tracks");
        boolean interpretation = hasBody && body.has("interpretation");
        List<String> notes = new ArrayList<>();
        if (tracks) {
            body.path("notes").forEach(n -> notes.add(n.asText()));
        }
        return new TurnView(
                step,
                abbreviate(t.prompt(), 400),
                t.httpStatus(),
                Format.metric("_ms", t.latencyMs()),
                t.request() == null || t.request().isNull() ? null : pretty(t.request()),
                t.checks(),
                t.metrics().entrySet().stream()
                        .map(e -> new MetricView(e.getKey(), Format.metric(e.getKey(), e.getValue())))
                        .toList(),
                segment ? segment(body) : null,
                !segment && interpretation ? body.path("interpretation").asText() : null,
                tracks && !segment ? playlist(body) : null,
                notes,
                tracks ? trackTable(body, segment) : null,
                tracks ? trace(body.path("trace")) : null,
                hasBody && !tracks && !interpretation ? pretty(body) : null);
    }

    private static SegmentView segment(JsonNode body) {
        return new SegmentView(
                body.path("intro").asText(),
                body.path("segment").asInt(),
                Format.number(body.path("energy").asDouble()),
                Format.number(body.path("targetEnergy").asDouble()),
                body.path("reason").asText());
    }

    private static PlaylistView playlist(JsonNode body) {
        return new PlaylistView(
                body.path("title").asText(),
                body.path("description").asText(),
                body.path("planner").asText(),
                body.path("ranker").asText());
    }

    private static TrackTable trackTable(JsonNode body, boolean segment) {
        List<TrackRow> rows = new ArrayList<>();
        for (JsonNode track : body.path("tracks")) {
            rows.add(new TrackRow(
                    track.path("position").asInt(),
                    track.path("title").asText(),
                    track.path("artist").asText(),
                    track.hasNonNull("year") ? " (" + track.get("year").asInt() + ")" : "",
                    String.join(" ", TrackTags.of(track)),
                    track.path("reason").asText(),
                    Format.number(track.path("score").asDouble())));
        }
        return new TrackTable(segment, body.path("tracks").size(), rows);
    }

    private static TraceView trace(JsonNode trace) {
        if (trace.isMissingNode()) {
            return null;
        }
        List<ToolCallRow> calls = new ArrayList<>();
        for (JsonNode call : trace.path("toolCalls")) {
            calls.add(new ToolCallRow(
                    call.path("name").asText(),
                    call.path("arguments").toString(),
                    call.path("resultCount").asInt(),
                    Format.number(call.path("ms").asDouble()),
                    call.path("error").isNull() ? "" : call.path("error").asText()));
        }
        List<StepRow> steps = new ArrayList<>();
        for (JsonNode step : trace.path("steps")) {
            steps.add(new StepRow(
                    step.path("name").asText(),
                    Format.number(step.path("ms").asDouble()),
                    step.path("detail").isNull() ? "" : step.path("detail").asText()));
        }
        return new TraceView(
                trace.path("toolCalls").size(),
                Format.number(trace.path("totalMs").asDouble()),
                calls,
                steps);
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }
}
