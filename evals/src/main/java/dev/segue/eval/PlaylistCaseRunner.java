package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One playlist case: create with the first prompt, then refine with each later one, checking every answer. */
final class PlaylistCaseRunner {

    private final Judge judge;

    /** {@code judge} is null when none is configured. */
    PlaylistCaseRunner(Judge judge) {
        this.judge = judge;
    }

    CaseRun run(Suite.Case c, Suite.Variant variant, int repeat, ServiceClient client) {
        List<Turn> turns = new ArrayList<>();
        String playlistId = null;
        for (int i = 0; i < c.turns().size(); i++) {
            Suite.Turn turn = c.turns().get(i);
            String prompt = variant.prompt(turn.prompt());
            ObjectNode request = i == 0 ? createRequest(c, variant, prompt) : Json.JSON.createObjectNode();
            ServiceClient.Reply reply;
            if (i == 0) {
                reply = client.create(request);
            } else {
                request.put("prompt", prompt);
                reply = client.refine(playlistId, prompt);
            }
            if (reply.optionUnavailable() && !turn.expect().refusalAllowed()) {
                return CaseRun.skipped(c, variant, repeat, "unavailable: " + reply.detail(), turns);
            }
            turns.add(evaluate(i, turn.expect(), c, prompt, request, reply, client));
            if (!reply.ok()) {
                break; // no playlist to refine; a clean refusal that was allowed still passes
            }
            playlistId = reply.body().path("id").asText();
        }
        return CaseRun.ran(c, variant, repeat, turns);
    }

    /** The case's request with the (templated) prompt, and the variant's options over the case's. */
    private static ObjectNode createRequest(Suite.Case c, Suite.Variant variant, String prompt) {
        ObjectNode request = c.request().deepCopy();
        request.put("prompt", prompt);
        ObjectNode caseOptions =
                request.has("options") ? (ObjectNode) request.get("options") : Json.JSON.createObjectNode();
        ObjectNode options = mergedOptions(caseOptions, variant);
        if (!options.isEmpty()) {
            request.set("options", options);
        }
        return request;
    }

    /** The variant's options over the case's: the variant is what is being compared, so it wins. */
    static ObjectNode mergedOptions(ObjectNode caseOptions, Suite.Variant variant) {
        return SuiteNodes.merge(caseOptions, variant.options());
    }

    /** What the service measured of this playlist (its {@code diversity}, with the trace); null values left out. */
    static Map<String, Double> diversityOf(JsonNode body) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode diversity = body.path("diversity");
        Map.of(
                        "intra_list_diversity", "intraListDiversity",
                        "long_tail_share", "longTailShare",
                        "popularity_calibration", "popularityCalibration")
                .forEach((metric, field) -> {
                    if (diversity.path(field).isNumber()) {
                        out.put(metric, diversity.path(field).asDouble());
                    }
                });
        return out;
    }

    private Turn evaluate(
            int index,
            Expect expect,
            Suite.Case c,
            String prompt,
            JsonNode request,
            ServiceClient.Reply reply,
            ServiceClient client) {
        List<Check> checks = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (expect.status() != null && !expect.status().contains(reply.status())) {
            checks.add(Check.fail("response", reply.detail() + ", expected HTTP " + expect.status(), null));
        } else if (reply.ok()) {
            checks.add(Check.pass("response", "HTTP " + reply.status(), null));
            checks.addAll(TurnChecks.shape(reply.body()));
            checks.addAll(Checks.evaluate(expect, reply.body(), reply.ms(), judge, prompt));
            metrics.putAll(TurnChecks.metricsOf(checks));
            metrics.putAll(diversityOf(reply.body()));
            if (Boolean.TRUE.equals(expect.knownTrackIds())) {
                checks.add(TurnChecks.knownTrackIds(reply.body(), client));
            }
            if (!c.relevant().isEmpty()) {
                List<String> ranked = new ArrayList<>();
                reply.body().path("tracks").forEach(t -> ranked.add(t.path("id").asText()));
                metrics.putAll(RankingMetrics.score(ranked, new HashSet<>(c.relevant())));
            }
        } else if (expect.refusalAllowed() && reply.cleanRefusal()) {
            checks.add(Check.pass("response", "clean refusal, " + reply.detail(), null));
        } else {
            boolean clientError = reply.status() >= 400 && reply.status() < 500;
            String why = clientError && !reply.cleanRefusal() ? " (not a problem+json body with a detail)" : "";
            checks.add(Check.fail("response", reply.detail() + why, null));
        }
        return new Turn(
                index,
                null,
                prompt,
                request,
                reply.status(),
                TurnChecks.round(reply.ms()),
                reply.body(),
                List.copyOf(checks),
                metrics);
    }
}
