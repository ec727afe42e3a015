package dev.segue.eval;

import static dev.segue.eval.SuiteNodes.checkKeys;
import static dev.segue.eval.SuiteNodes.merge;
import static dev.segue.eval.SuiteNodes.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a suite file, checks every key (a typo is an error that names the case, never a silently skipped check) and
 * merges the suite's defaults into each case and turn.
 */
public final class SuiteLoader {

    private static final Set<String> SUITE_KEYS =
            Set.of("suite", "description", "catalog", "defaults", "variants", "thresholds", "tolerance", "cases");
    private static final Set<String> DEFAULT_KEYS = Set.of("request", "expect");
    private static final Set<String> CASE_KEYS =
            Set.of("id", "labels", "prompt", "request", "expect", "refine", "dj", "relevant", "known_issue");
    private static final Set<String> TURN_KEYS = Set.of("prompt", "expect");
    private static final Set<String> VARIANT_KEYS =
            Set.of("name", "description", "options", "target", "prompt_template", "thresholds");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    // ">= 0.9" and "<= 800" are the whole grammar of a threshold: a regular expression reads it.
    private static final Pattern THRESHOLD = Pattern.compile("\\s*(>=|<=)\\s*(-?[0-9.]+)\\s*");
    /** Without a pass_rate gate every case must pass: a failing case fails the run unless the suite says otherwise. */
    static final Threshold DEFAULT_PASS_RATE = new Threshold("pass_rate", true, 1.0);

    private SuiteLoader() {}

    /** Thrown for a suite that cannot be run as written; the message says where and what. */
    public static final class SuiteException extends RuntimeException {
        SuiteException(String message) {
            super(message);
        }
    }

    public static Suite load(Path file) throws IOException {
        return load(file, System::getenv);
    }

    static Suite load(Path file, Function<String, String> env) throws IOException {
        JsonNode root;
        try {
            root = Json.YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SuiteException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SuiteException(file + ": a suite is a YAML mapping with at least `cases:`");
        }
        String where = file.getFileName().toString();
        checkKeys(root, SUITE_KEYS, where);
        String name = root.hasNonNull("suite") ? root.get("suite").asText() : where.replaceFirst("\\.ya?ml$", "");
        JsonNode defaults = root.path("defaults");
        if (defaults.isObject()) {
            checkKeys(defaults, DEFAULT_KEYS, where + " defaults");
        }
        ObjectNode defaultRequest = object(defaults.get("request"), where + " defaults.request");
        ObjectNode defaultExpect = object(defaults.get("expect"), where + " defaults.expect");

        List<Suite.Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode caseNodes = root.path("cases");
        if (!caseNodes.isArray()) {
            throw new SuiteException(where + ": `cases:` must be a list");
        }
        for (int i = 0; i < caseNodes.size(); i++) {
            Suite.Case c = readCase(caseNodes.get(i), i, where, defaultRequest, defaultExpect);
            if (!ids.add(c.id())) {
                throw new SuiteException(where + ": two cases have the id \"" + c.id() + "\"");
            }
            cases.add(c);
        }

        List<Suite.Variant> variants = new ArrayList<>();
        for (JsonNode v : root.path("variants")) {
            variants.add(readVariant(v, where));
        }
        if (variants.isEmpty()) {
            variants.add(new Suite.Variant(
                    "default", "the server's defaults", JsonNodeFactory.instance.objectNode(), null, null, Map.of()));
        }
        Map<String, Threshold> thresholds = thresholds(root.get("thresholds"), where);
        thresholds.putIfAbsent("pass_rate", DEFAULT_PASS_RATE);
        checkLabels(thresholds, cases, where);
        variants.forEach(v -> checkLabels(v.thresholds(), cases, where + " variant \"" + v.name() + "\""));
        double tolerance = root.path("tolerance").asDouble(0.02);
        return new Suite(
                name,
                root.path("description").asText(""),
                file,
                catalog(root.get("catalog"), env, where),
                List.copyOf(variants),
                Map.copyOf(thresholds),
                tolerance,
                List.copyOf(cases));
    }

    private static Suite.Case readCase(
            JsonNode node, int index, String where, ObjectNode defaultRequest, ObjectNode defaultExpect) {
        if (node == null || !node.isObject()) {
            throw new SuiteException(
                    where + " case #" + (index + 1) + ": a case is a mapping with `id:` and `prompt:`");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : "case-" + (index + 1);
        String at = where + " case \"" + id + "\"";
        checkKeys(node, CASE_KEYS, at);
        ObjectNode request = merge(defaultRequest, object(node.get("request"), at + " request"));
        if (request.has("prompt")) {
            throw new SuiteException(at + ": put the prompt in `prompt:`, not in `request:`");
        }
        List<Suite.Turn> turns = new ArrayList<>();
        List<Suite.DjStep> dj = List.of();
        if (node.hasNonNull("dj")) {
            for (String key : List.of("prompt", "request", "expect", "refine", "relevant")) {
                if (node.has(key)) {
                    throw new SuiteException(
                            at + ": a dj case has its prompt and checks in its steps, not in `" + key + ":`");
                }
            }
            dj = DjScriptReader.read(node.get("dj"), at, defaultExpect);
        } else {
            if (!node.hasNonNull("prompt") || node.get("prompt").asText().isEmpty()) {
                throw new SuiteException(at + ": needs a `prompt:` (or a `dj:` script)");
            }
            turns.add(
                    new Suite.Turn(node.get("prompt").asText(), playlistExpect(defaultExpect, node.get("expect"), at)));
            int step = 0;
            for (JsonNode r : node.path("refine")) {
                step++;
                String stepAt = at + " refine #" + step;
                JsonNode turn =
                        r.isTextual() ? JsonNodeFactory.instance.objectNode().put("prompt", r.asText()) : r;
                checkKeys(turn, TURN_KEYS, stepAt);
                if (!turn.hasNonNull("prompt")) {
                    throw new SuiteException(stepAt + ": needs a `prompt:`");
                }
                turns.add(new Suite.Turn(
                        turn.get("prompt").asText(), playlistExpect(defaultExpect, turn.get("expect"), stepAt)));
            }
        }
        List<String> labels = Json.strings(node.get("labels"));
        List<String> relevant = Json.strings(node.get("relevant"));
        return new Suite.Case(
                id,
                List.copyOf(labels),
                request,
                List.copyOf(turns),
                dj,
                List.copyOf(relevant),
                knownIssues(node.get("known_issue"), at));
    }

    /** known_issue: one reason for every variant, or a mapping of variant name to reason. */
    private static Map<String, String> knownIssues(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (node.isTextual()) {
            return Map.of("*", node.asText());
        }
        if (!node.isObject()) {
            throw new SuiteException(at + ": known_issue is a reason, or a mapping of variant name to reason");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(out);
    }

    private static Expect playlistExpect(ObjectNode defaults, JsonNode own, String at) {
        return SuiteNodes.expect(
                defaults, own, at, Expect.DJ_ONLY, "is for DJ pulls; it compares a segment with the session");
    }

    private static Suite.Variant readVariant(JsonNode node, String where) {
        if (node.isTextual()) {
            node = JsonNodeFactory.instance.objectNode().put("name", node.asText());
        }
        if (!node.hasNonNull("name")) {
            throw new SuiteException(where + ": every variant needs a `name:`");
        }
        String at = where + " variant \"" + node.get("name").asText() + "\"";
        checkKeys(node, VARIANT_KEYS, at);
        return new Suite.Variant(
                node.get("name").asText(),
                node.path("description").asText(""),
                object(node.get("options"), at + " options"),
                Json.text(node, "target"),
                Json.text(node, "prompt_template"),
                thresholds(node.get("thresholds"), at));
    }

    static Map<String, Threshold> thresholds(JsonNode node, String where) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new SuiteException(where + ": thresholds is a mapping of metric: \">= 0.9\"");
        }
        node.properties().forEach(e -> {
            Matcher m = THRESHOLD.matcher(e.getValue().asText());
            String[] metricAndLabel = e.getKey().split(Metrics.LABEL_SEPARATOR, 2);
            boolean known = metricAndLabel.length == 1
                    ? Metrics.KNOWN.contains(e.getKey())
                    : Metrics.QUALITY.contains(metricAndLabel[0]) && !metricAndLabel[1].isBlank();
            if (!m.matches() || !known) {
                throw new SuiteException(where + ": threshold " + e.getKey() + ": " + e.getValue()
                        + " should read \"<metric>: \\\">= 0.9\\\"\" or \"<= 800\" with a metric among "
                        + Metrics.KNOWN + ", or \"<metric>@<label>\" with a quality metric "
                        + Metrics.QUALITY);
            }
            out.put(e.getKey(), new Threshold(e.getKey(), m.group(1).equals(">="), Double.parseDouble(m.group(2))));
        });
        return out;
    }

    /** A threshold over one label's cases names a label some case has: a typo would gate nothing. */
    private static void checkLabels(Map<String, Threshold> thresholds, List<Suite.Case> cases, String where) {
        Set<String> labels = new HashSet<>();
        cases.forEach(c -> labels.addAll(c.labels()));
        for (String metric : thresholds.keySet()) {
            String[] metricAndLabel = metric.split(Metrics.LABEL_SEPARATOR, 2);
            if (metricAndLabel.length == 2 && !labels.contains(metricAndLabel[1])) {
                throw new SuiteException(where + ": threshold " + metric + ": no case has the label \""
                        + metricAndLabel[1] + "\" (labels: " + new TreeSet<>(labels) + ")");
            }
        }
    }

    private static Suite.CatalogSpec catalog(JsonNode node, Function<String, String> env, String where) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("demo"))) {
            return Suite.CatalogSpec.DEMO;
        }
        String path = node.isTextual() ? node.asText() : Json.text(node, "path");
        if (path == null) {
            throw new SuiteException(where + ": catalog is `demo` or {path, format, name}");
        }
        Path resolved = Path.of(substitute(path, env));
        String format = node.isObject() ? Json.text(node, "format") : null;
        String name = node.isObject() && node.hasNonNull("name")
                ? node.get("name").asText()
                : resolved.getFileName().toString().replaceFirst("\\..*$", "");
        return new Suite.CatalogSpec(resolved, format, name);
    }

    /**
     * ${VAR} and ${VAR:-default}, so a suite can point at shared data that lives elsewhere on another machine. Written
     * here rather than with a template library: this one shell-style form is all a suite needs.
     */
    static String substitute(String text, Function<String, String> env) {
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
