package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A DJ script against /api/dj/sessions, one turn per step. A step that gets no proper answer ends the script (the steps
 * after it would compare with nothing); the session is deleted at the end either way.
 */
final class DjCaseRunner {

    static final String SESSIONS = "/api/dj/sessions";

    private final Judge judge;

    /** {@code judge} is null when none is configured. */
    DjCaseRunner(Judge judge) {
        this.judge = judge;
    }

    CaseRun run(Suite.Case c, Suite.Variant variant, int repeat, ServiceClient client) {
        Script script = new Script(variant, client);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < c.dj().size(); i++) {
            Turn turn = script.step(i, c.dj().get(i));
            turns.add(turn);
            if (script.session == null || turn.checks().get(0).status() == Status.FAIL) {
                break;
            }
        }
        if (script.session != null && !script.closed) {
            ServiceClient.Reply reply = client.delete(script.session);
            turns.add(turn(turns.size(), "close", "(end of the script)", null, reply, 204, List.of()));
        }
        return CaseRun.ran(c, variant, repeat, turns);
    }

    /** One run of a script: the session it opened and what it has played so far. */
    private final class Script {

        private final Suite.Variant variant;
        private final ServiceClient client;
        private String session;
        private String vibe = "";
        private JsonNode previous; // the last segment
        private final Set<String> played = new HashSet<>();
        private int pulls;
        private boolean closed;

        Script(Suite.Variant variant, ServiceClient client) {
            this.variant = variant;
            this.client = client;
        }

        Turn step(int index, Suite.DjStep step) {
            return switch (step) {
                case Suite.DjStep.Open open -> open(index, open);
                case Suite.DjStep.Pull pull -> pull(index, pull);
                case Suite.DjStep.Request request -> {
                    ObjectNode body = Json.JSON.createObjectNode().put("text", request.text());
                    ServiceClient.Reply reply = client.post(session + "/requests", body);
                    yield turn(index, "request", request.text(), body, reply, 202, List.of());
                }
                case Suite.DjStep.Feedback feedback -> feedback(index, feedback);
                case Suite.DjStep.Close close -> {
                    closed = true;
                    yield turn(index, "close", "", null, client.delete(session), 204, List.of());
                }
            };
        }

        private Turn open(int index, Suite.DjStep.Open open) {
            ObjectNode body = open.body().deepCopy();
            if (variant.promptTemplate() != null && body.hasNonNull("prompt")) {
                body.put("prompt", variant.prompt(body.get("prompt").asText()));
            }
            ServiceClient.Reply reply = client.post(SESSIONS, body);
            session = reply.status() == 201
                    ? SESSIONS + "/" + TurnChecks.encode(reply.body().path("id").asText())
                    : null;
            vibe = body.path("prompt").asText("");
            return turn(index, "open", vibe, body, reply, 201, List.of());
        }

        private Turn pull(int index, Suite.DjStep.Pull pull) {
            ServiceClient.Reply reply = client.get(session + "/next");
            List<Check> checks = new ArrayList<>();
            if (reply.ok()) {
                Expect expect = pull.expect();
                checks.addAll(TurnChecks.shape(reply.body()));
                checks.addAll(Checks.evaluate(expect, reply.body(), reply.ms(), judge, vibe));
                checks.addAll(DjChecks.evaluate(expect, reply.body(), previous, played));
                if (Boolean.TRUE.equals(expect.knownTrackIds())) {
                    checks.add(TurnChecks.knownTrackIds(reply.body(), client));
                }
                reply.body().path("tracks").forEach(t -> played.add(t.path("id").asText()));
                previous = reply.body();
            }
            return turn(index, "pull " + ++pulls, "", null, reply, 200, checks);
        }

        private Turn feedback(int index, Suite.DjStep.Feedback feedback) {
            JsonNode tracks = previous == null ? Json.JSON.createArrayNode() : previous.path("tracks");
            String trackId = switch (feedback.track()) {
                case "first" -> tracks.path(0).path("id").asText();
                case "last" -> tracks.path(tracks.size() - 1).path("id").asText();
                default -> feedback.track();
            };
            ObjectNode body =
                    Json.JSON.createObjectNode().put("trackId", trackId).put("type", feedback.type());
            ServiceClient.Reply reply = client.post(session + "/feedback", body);
            return turn(index, "feedback", feedback.type() + " " + trackId, body, reply, 202, List.of());
        }
    }

    /** A DJ step's turn: first the answer itself (the status the API documents), then the step's own checks. */
    private static Turn turn(
            int index,
            String step,
            String text,
            JsonNode request,
            ServiceClient.Reply reply,
            int expected,
            List<Check> more) {
        boolean answered = reply.status() == expected && (expected == 204 || reply.ok());
        String interpretation =
                reply.body() == null ? "" : reply.body().path("interpretation").asText("");
        List<Check> checks = new ArrayList<>();
        checks.add(
                answered
                        ? Check.pass(
                                "response",
                                "HTTP " + reply.status() + (interpretation.isEmpty() ? "" : ": " + interpretation),
                                null)
                        : Check.fail("response", reply.detail() + ", expected HTTP " + expected, null));
        checks.addAll(more);
        return new Turn(
                index,
                step,
                text,
                request,
                reply.status(),
                TurnChecks.round(reply.ms()),
                reply.body(),
                List.copyOf(checks),
                TurnChecks.metricsOf(checks));
    }
}
