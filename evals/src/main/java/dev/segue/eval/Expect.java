package dev.segue.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The assertions of one turn or DJ pull, as written under {@code expect:} (snake_case keys, see evals/README.md).
 * Every field is optional; a missing one is not checked. Short forms ({@code length: 20},
 * {@code tool_called: [search_tracks]}) are read by the delegating creators below.
 */
public record Expect(
        Tags tags,
        Range length,
        Duration durationMinutes,
        Integer maxPerArtist,
        List<String> excludeArtists,
        List<String> excludeTags,
        YearRange yearRange,
        Boolean noDuplicates,
        String planner,
        List<ToolCall> toolCalled,
        Double maxLatencyMs,
        Rubric llmRubric,
        Boolean refusalOk,
        List<Integer> status,
        Boolean knownTrackIds,
        Boolean noRepeats,
        RequestEffect requestEffect,
        Energy energy,
        Notes notes,
        List<String> notInIntent) {

    /** Keys that only a DJ pull can check: they compare a segment with the session before it. */
    static final Set<String> DJ_ONLY = Set.of("no_repeats", "request_effect", "energy");
    /** Keys that need a playlist response (its status, planner, trace or total duration), which a segment is not. */
    static final Set<String> PLAYLIST_ONLY =
            Set.of("status", "refusal_ok", "planner", "tool_called", "duration_minutes", "notes", "not_in_intent");

    /** Whether a refusal can pass: refusal_ok says so, or an expected status is what is checked instead. */
    boolean refusalAllowed() {
        return Boolean.TRUE.equals(refusalOk) || status != null;
    }

    /** Groups of acceptable tags: a track fits when it carries one tag of every group; {@code min} share must fit. */
    public record Tags(List<Set<String>> groups, double min) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Tags of(JsonNode node) {
            JsonNode groups = node.get("groups");
            if (groups == null || !groups.isArray() || groups.isEmpty()) {
                throw new IllegalArgumentException("tags needs groups: a list of groups (\"a b c\" or [a, b, c])");
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!k.equals("groups") && !k.equals("min")) {
                    throw new IllegalArgumentException("tags: unknown key \"" + k + "\" (known: groups, min)");
                }
            });
            return new Tags(
                    parseGroups(groups), node.has("min") ? node.get("min").asDouble() : 0.8);
        }
    }

    /** A list of tag groups, each {@code "a b c"} or {@code [a, b, c]}, lower-cased. */
    static List<Set<String>> parseGroups(JsonNode groups) {
        List<Set<String>> parsed = new ArrayList<>();
        for (JsonNode group : groups) {
            List<String> tags = group.isArray()
                    ? Json.strings(group)
                    : Arrays.asList(group.asText().trim().split("[\\s,]+"));
            parsed.add(tags.stream()
                    .map(t -> t.trim().toLowerCase(Locale.ROOT))
                    .filter(t -> !t.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return List.copyOf(parsed);
    }

    /**
     * DJ: the share of the segment's tracks that fit every group (as in {@link Tags}) must be at least
     * {@code risesBy} higher than in the previous pull.
     */
    public record RequestEffect(List<Set<String>> groups, double risesBy) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RequestEffect of(JsonNode node) {
            JsonNode groups = node.get("groups");
            if (groups == null || !groups.isArray() || groups.isEmpty() || !node.has("rises_by") || node.size() != 2) {
                throw new IllegalArgumentException(
                        "request_effect is {groups: [\"a b c\", ...], rises_by: 0.3}, got " + node);
            }
            return new RequestEffect(parseGroups(groups), node.get("rises_by").asDouble());
        }
    }

    /**
     * DJ: the segment's energy (0..1, as the API reports it): up or down by at least so much against the previous
     * pull's, and/or within {@code min}..{@code max}.
     */
    public record Energy(Double risesBy, Double fallsBy, Double min, Double max) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Energy of(JsonNode node) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty() || !List.of("rises_by", "falls_by", "min", "max").containsAll(keys)) {
                throw new IllegalArgumentException("energy takes rises_by, falls_by, min, max, got " + node);
            }
            return new Energy(
                    number(node, "rises_by"), number(node, "falls_by"), number(node, "min"), number(node, "max"));
        }

        /** Whether it compares with the segment before (and so cannot be asked of the first pull). */
        boolean comparative() {
            return risesBy != null || fallsBy != null;
        }

        private static Double number(JsonNode node, String key) {
            return node.has(key) ? node.get(key).asDouble() : null;
        }
    }

    /**
     * The playlist's notes: one note holds every {@code include} text, and no note holds an {@code exclude} text
     * (case-insensitive). {@code include: [paino, piano]} asks for a note such as "read 'paino' as 'piano'".
     */
    public record Notes(List<String> include, List<String> exclude) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Notes of(JsonNode node) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (!node.isObject()
                    || keys.isEmpty()
                    || !List.of("include", "exclude").containsAll(keys)) {
                throw new IllegalArgumentException("notes is {include: [texts], exclude: [texts]}, got " + node);
            }
            return new Notes(texts(node.get("include")), texts(node.get("exclude")));
        }

        private static List<String> texts(JsonNode node) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            return node.isArray() ? Json.strings(node) : List.of(node.asText());
        }
    }

    /** An inclusive range of integers; a plain number means exactly that. */
    public record Range(Integer min, Integer max) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Range of(JsonNode node) {
            if (node.isInt()) {
                return new Range(node.asInt(), node.asInt());
            }
            if (node.isObject()) {
                return new Range(
                        node.has("min") ? node.get("min").asInt() : null,
                        node.has("max") ? node.get("max").asInt() : null);
            }
            throw new IllegalArgumentException("expected a number or {min, max}, got " + node);
        }

        boolean contains(int value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        @Override
        public String toString() {
            return Objects.equals(min, max)
                    ? String.valueOf(min)
                    : (min == null ? "" : min) + ".." + (max == null ? "" : max);
        }
    }

    /** A total playlist duration in minutes, ± tolerance minutes (default 10% of it). */
    public record Duration(double minutes, double tolerance) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Duration of(JsonNode node) {
            if (node.isNumber()) {
                return new Duration(node.asDouble(), node.asDouble() * 0.1);
            }
            if (node.isObject() && node.has("minutes")) {
                double minutes = node.get("minutes").asDouble();
                return new Duration(
                        minutes, node.has("tolerance") ? node.get("tolerance").asDouble() : minutes * 0.1);
            }
            throw new IllegalArgumentException(
                    "duration_minutes: expected a number or {minutes, tolerance}, got " + node);
        }
    }

    /** Every track's year in [from, to]; a track without a year does not fit (the claim cannot be checked). */
    public record YearRange(Integer from, Integer to) {}

    /**
     * The trace holds at least {@code minCount} calls of tool {@code name} whose arguments match {@code args}: for
     * each key, the argument (a string, number or list, nested lists flattened) must contain the expected value
     * (strings compared case-insensitively; a string argument matches when it contains the expected text).
     */
    public record ToolCall(String name, Map<String, Object> args, int minCount) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ToolCall of(JsonNode node) {
            if (node.isTextual()) {
                return new ToolCall(node.asText(), Map.of(), 1);
            }
            if (node.isObject() && node.hasNonNull("name")) {
                Map<String, Object> args = new LinkedHashMap<>();
                if (node.has("args")) {
                    node.get("args").properties().forEach(e -> args.put(e.getKey(), Json.plain(e.getValue())));
                }
                return new ToolCall(
                        node.get("name").asText(),
                        args,
                        node.has("min_count") ? node.get("min_count").asInt() : 1);
            }
            throw new IllegalArgumentException(
                    "tool_called: expected a tool name or {name, args, min_count}, got " + node);
        }

        @Override
        public String toString() {
            return name + (args.isEmpty() ? "" : args.toString()) + (minCount > 1 ? " x" + minCount : "");
        }
    }

    /** A question for the judge model about the playlist; its 0..1 score must reach {@code min} (default 0.7). */
    public record Rubric(String rubric, double min) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Rubric of(JsonNode node) {
            if (node.isTextual()) {
                return new Rubric(node.asText(), 0.7);
            }
            if (node.isObject() && node.hasNonNull("rubric")) {
                return new Rubric(
                        node.get("rubric").asText(),
                        node.has("min") ? node.get("min").asDouble() : 0.7);
            }
            throw new IllegalArgumentException("llm_rubric: expected text or {rubric, min}, got " + node);
        }
    }
}
