package dev.segue.eval;

import static dev.segue.eval.SuiteNodes.checkKeys;
import static dev.segue.eval.SuiteNodes.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.SuiteLoader.SuiteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A DJ script: open first, then pulls, requests and feedback in any order, close (optional) last. What cannot run is
 * an error here: a comparison with no earlier pull, feedback on a track before any segment, playlist-only keys.
 */
final class DjScriptReader {

    private static final List<String> STEPS = List.of("open", "pull", "request", "feedback", "close");

    private final String at;
    private final ObjectNode defaultExpect;
    private int pulls;

    private DjScriptReader(String at, ObjectNode defaultExpect) {
        this.at = at;
        this.defaultExpect = defaultExpect;
    }

    static List<Suite.DjStep> read(JsonNode script, String at, ObjectNode defaultExpect) {
        if (!script.isArray() || script.isEmpty()) {
            throw new SuiteException(at + ": dj is a list of steps " + STEPS);
        }
        DjScriptReader reader = new DjScriptReader(at, defaultExpect);
        List<Suite.DjStep> steps = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            String stepAt = at + " dj step #" + (i + 1);
            if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Suite.DjStep.Close) {
                throw new SuiteException(stepAt + ": nothing can follow close");
            }
            steps.add(reader.step(script.get(i), i == 0, stepAt));
        }
        return List.copyOf(steps);
    }

    private Suite.DjStep step(JsonNode step, boolean first, String stepAt) {
        if (!step.isObject()
                || step.size() != 1
                || !STEPS.contains(step.fieldNames().next())) {
            throw new SuiteException(stepAt + ": each step has one key among " + STEPS + ", got " + step);
        }
        String kind = step.fieldNames().next();
        JsonNode value = step.get(kind);
        if (first != kind.equals("open")) {
            throw new SuiteException(stepAt + ": a script opens its session first, and once");
        }
        return switch (kind) {
            case "open" -> open(value, stepAt);
            case "pull" -> pull(value, stepAt);
            case "request" -> request(value, stepAt);
            case "feedback" -> feedback(value, stepAt);
            default -> {
                checkKeys(object(value, stepAt), Set.of(), stepAt);
                yield new Suite.DjStep.Close();
            }
        };
    }

    private static Suite.DjStep open(JsonNode value, String stepAt) {
        ObjectNode body = value.isTextual()
                ? JsonNodeFactory.instance.objectNode().put("prompt", value.asText())
                : object(value, stepAt);
        checkKeys(body, Set.of("prompt", "minutes", "userId"), stepAt); // the API's fields, as it spells them
        return new Suite.DjStep.Open(body);
    }

    private Suite.DjStep pull(JsonNode value, String stepAt) {
        ObjectNode pull = object(value, stepAt);
        checkKeys(pull, Set.of("expect"), stepAt);
        Expect expect = SuiteNodes.expect(
                defaultExpect,
                pull.get("expect"),
                stepAt,
                Expect.PLAYLIST_ONLY,
                "checks a playlist response; a DJ segment has none");
        boolean compares = expect.requestEffect() != null
                || (expect.energy() != null && expect.energy().comparative());
        if (pulls == 0 && compares) {
            throw new SuiteException(stepAt + ": request_effect and energy rises_by/falls_by compare with "
                    + "the pull before; this is the first");
        }
        pulls++;
        return new Suite.DjStep.Pull(expect);
    }

    private static Suite.DjStep request(JsonNode value, String stepAt) {
        JsonNode text = value.isTextual() ? value : object(value, stepAt).get("text");
        if (value.isObject()) {
            checkKeys(value, Set.of("text"), stepAt);
        }
        if (text == null || text.asText().isBlank()) {
            throw new SuiteException(stepAt + ": request is \"text\" or {text}");
        }
        return new Suite.DjStep.Request(text.asText());
    }

    private Suite.DjStep feedback(JsonNode value, String stepAt) {
        ObjectNode feedback = object(value, stepAt);
        checkKeys(feedback, Set.of("type", "track"), stepAt);
        String type = feedback.path("type").asText();
        if (!type.equals("like") && !type.equals("skip")) {
            throw new SuiteException(stepAt + ": feedback needs type: like or skip");
        }
        String track = feedback.path("track").asText("first");
        if (pulls == 0 && (track.equals("first") || track.equals("last"))) {
            throw new SuiteException(stepAt + ": feedback on the " + track + " track needs a pull before it");
        }
        return new Suite.DjStep.Feedback(type, track);
    }
}
