package dev.segue.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An eval suite as read from YAML (see evals/README.md): cases, the variants to compare and the gates. Defaults are
 * already merged into every case and turn by {@link SuiteLoader}, so the runner never looks at them again.
 */
public record Suite(
        String name,
        String description,
        Path file,
        CatalogSpec catalog,
        List<Variant> variants,
        Map<String, Threshold> thresholds,
        double tolerance,
        List<Case> cases) {

    /** Which catalog the suite is written for. {@code path == null} means the shipped demo catalog. */
    public record CatalogSpec(Path path, String format, String name) {

        public static final CatalogSpec DEMO = new CatalogSpec(null, null, "demo");

        public boolean isDemo() {
            return path == null;
        }
    }

    /**
     * One configuration under test. {@code options} is merged into every request's {@code options} as given, so a
     * new server option (promptVersion, provider, ...) needs no runner change; {@code target} points a variant at
     * another server (e.g. one configured with a different LLM provider); {@code promptTemplate} rewrites the prompt
     * client-side ("{prompt}" is the case's prompt).
     */
    public record Variant(
            String name,
            String description,
            ObjectNode options,
            String target,
            String promptTemplate,
            Map<String, Threshold> thresholds) {

        /** The prompt as this variant sends it: the case's own, or the template with it in place of "{prompt}". */
        public String prompt(String casePrompt) {
            return promptTemplate == null ? casePrompt : promptTemplate.replace("{prompt}", casePrompt);
        }
    }

    /**
     * One prompt scenario. {@code request} is the JSON body without the prompt (camelCase API fields, sent as is);
     * {@code turns} are the first prompt and then each refinement, in order; {@code dj} is a DJ script instead (then
     * {@code turns} is empty). {@code relevant} are the ids of a reference playlist (ranking metrics).
     * {@code knownIssues} say why a case is expected to fail today, per variant name ("*" for every variant): it
     * still runs and is reported, but does not count against pass_rate, so a known bug does not hide new ones.
     */
    public record Case(
            String id,
            List<String> labels,
            ObjectNode request,
            List<Turn> turns,
            List<DjStep> dj,
            List<String> relevant,
            Map<String, String> knownIssues) {

        public boolean isDj() {
            return !dj.isEmpty();
        }

        public String knownIssue(String variant) {
            return knownIssues.getOrDefault(variant, knownIssues.get("*"));
        }
    }

    /** A prompt sent to the service (the first one creates the playlist, later ones refine it) and its checks. */
    public record Turn(String prompt, Expect expect) {}

    /** One step of a DJ script (see evals/suites/dj.yaml): the runner sends it to /api/dj/sessions. */
    public sealed interface DjStep {

        /** POST /api/dj/sessions with this body (prompt, minutes, userId as the API spells them). */
        record Open(ObjectNode body) implements DjStep {}

        /** GET …/next; {@code expect} applies to the segment (its tracks, energy, and the session so far). */
        record Pull(Expect expect) implements DjStep {}

        /** POST …/requests {text}. */
        record Request(String text) implements DjStep {}

        /** POST …/feedback: {@code type} like or skip; {@code track} first, last (of the latest segment) or an id. */
        record Feedback(String type, String track) implements DjStep {}

        /** DELETE the session; the runner also closes it after the last step when the script does not. */
        record Close() implements DjStep {}
    }
}
