package dev.segue.eval;

import static dev.segue.eval.TrackTags.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The assertions of evals/README.md, applied to one playlist (or DJ segment) as the API returned it. */
public final class Checks {

    private Checks() {}

    /**
     * Every assertion {@code expect} names, in a fixed order, for a 2xx playlist body. {@code judge} is null when no
     * judge model is configured: rubrics are then skipped.
     */
    public static List<Check> evaluate(Expect expect, JsonNode playlist, double latencyMs, Judge judge, String prompt) {
        JsonNode tracks = playlist.path("tracks");
        List<Check> out = new ArrayList<>();
        add(out, expect.tags(), tags -> tags(tags, tracks));
        add(out, expect.length(), length -> length(length, tracks));
        add(out, expect.durationMinutes(), duration -> duration(duration, playlist));
        add(out, expect.maxPerArtist(), max -> maxPerArtist(max, tracks));
        add(out, expect.excludeArtists(), artists -> excludeArtists(artists, tracks));
        add(out, expect.excludeTags(), tags -> excludeTags(tags, tracks));
        add(out, expect.yearRange(), years -> yearRange(years, tracks));
        add(out, Boolean.TRUE.equals(expect.noDuplicates()) ? tracks : null, Checks::noDuplicates);
        add(out, expect.planner(), planner -> planner(planner, playlist));
        if (expect.toolCalled() != null) {
            for (Expect.ToolCall wanted : expect.toolCalled()) {
                out.add(toolCalled(wanted, playlist.path("trace").path("toolCalls")));
            }
        }
        add(out, expect.notes(), notes -> PlanChecks.notes(notes, playlist.path("notes")));
        add(out, expect.notInIntent(), words -> PlanChecks.notInIntent(words, playlist.path("intent")));
        add(out, expect.maxLatencyMs(), max -> maxLatency(max, latencyMs));
        add(
                out,
                expect.llmRubric(),
                rubric -> judge == null
                        ? Check.skip("llm_rubric", "no judge model configured (set " + Judge.URL_ENV + ")")
                        : judge.score(rubric, prompt, playlist));
        return out;
    }

    /** Adds the check of an assertion the suite asked for; an assertion it left out (null) is not checked. */
    private static <T> void add(List<Check> out, T assertion, Function<T, Check> check) {
        if (assertion != null) {
            out.add(check.apply(assertion));
        }
    }

    static Check tags(Expect.Tags expect, JsonNode tracks) {
        int fitting = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode t : tracks) {
            if (TrackTags.fits(expect.groups(), t)) {
                fitting++;
            } else if (misses.size() < 3) {
                misses.add(t.path("title").asText() + " " + TrackTags.of(t));
            }
        }
        double precision = tracks.isEmpty() ? 0 : fitting / (double) tracks.size();
        String detail = String.format(
                        Locale.ROOT, "%d of %d fit (%.2f), min %.2f", fitting, tracks.size(), precision, expect.min())
                + (misses.isEmpty() || precision >= expect.min() ? "" : "; e.g. " + String.join("; ", misses));
        return Check.of("tags", precision >= expect.min() - 1e-9, detail, precision);
    }

    private static Check length(Expect.Range expected, JsonNode tracks) {
        int n = tracks.size();
        return Check.of("length", expected.contains(n), n + " tracks, expected " + expected, (double) n);
    }

    private static Check duration(Expect.Duration expected, JsonNode playlist) {
        double minutes = playlist.path("totalDurationSec").asDouble() / 60;
        return Check.of(
                "duration_minutes",
                Math.abs(minutes - expected.minutes()) <= expected.tolerance(),
                String.format(
                        Locale.ROOT,
                        "%.1f min, expected %s ± %s",
                        minutes,
                        Format.number(expected.minutes()),
                        Format.number(expected.tolerance())),
                minutes);
    }

    private static Check maxPerArtist(int limit, JsonNode tracks) {
        Map<String, Integer> perArtist = new HashMap<>();
        tracks.forEach(t -> perArtist.merge(key(t.path("artist").asText()), 1, Integer::sum));
        Map.Entry<String, Integer> most =
                perArtist.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        int top = most == null ? 0 : most.getValue();
        return Check.of(
                "max_per_artist",
                top <= limit,
                "at most " + top + " per artist" + (most == null ? "" : " (" + most.getKey() + ")") + ", limit "
                        + limit,
                (double) top);
    }

    private static Check excludeArtists(List<String> artists, JsonNode tracks) {
        Set<String> banned = new HashSet<>(artists.stream().map(TrackTags::key).toList());
        List<String> found = new ArrayList<>();
        tracks.forEach(t -> {
            if (banned.contains(key(t.path("artist").asText()))) {
                found.add(t.path("title").asText() + " by " + t.path("artist").asText());
            }
        });
        return Check.of(
                "exclude_artists",
                found.isEmpty(),
                found.isEmpty() ? "none of " + artists : found.size() + " excluded: " + abbreviate(found),
                (double) found.size());
    }

    private static Check excludeTags(List<String> tags, JsonNode tracks) {
        Set<String> banned = new HashSet<>(tags.stream().map(TrackTags::key).toList());
        List<String> found = new ArrayList<>();
        tracks.forEach(t -> {
            Set<String> hit = new LinkedHashSet<>(TrackTags.of(t));
            hit.retainAll(banned);
            if (!hit.isEmpty()) {
                found.add(t.path("title").asText() + " " + hit);
            }
        });
        return Check.of(
                "exclude_tags",
                found.isEmpty(),
                found.isEmpty() ? "none tagged " + tags : found.size() + " tagged: " + abbreviate(found),
                (double) found.size());
    }

    private static Check yearRange(Expect.YearRange range, JsonNode tracks) {
        Integer from = range.from();
        Integer to = range.to();
        int outside = 0;
        for (JsonNode t : tracks) {
            JsonNode year = t.get("year");
            if (year == null
                    || !year.isInt()
                    || (from != null && year.asInt() < from)
                    || (to != null && year.asInt() > to)) {
                outside++;
            }
        }
        return Check.of(
                "year_range",
                outside == 0 && !tracks.isEmpty(),
                outside + " of " + tracks.size()
                        + " tracks outside " + (from == null ? "" : from) + ".." + (to == null ? "" : to)
                        + " or without a year",
                (double) outside);
    }

    private static Check noDuplicates(JsonNode tracks) {
        Set<String> ids = new HashSet<>();
        Set<String> songs = new HashSet<>();
        List<String> dupes = new ArrayList<>();
        tracks.forEach(t -> {
            String song =
                    key(t.path("title").asText()) + " / " + key(t.path("artist").asText());
            if (!ids.add(t.path("id").asText()) || !songs.add(song)) {
                dupes.add(song);
            }
        });
        return Check.of(
                "no_duplicates",
                dupes.isEmpty(),
                dupes.isEmpty() ? "no track twice" : "twice: " + abbreviate(dupes),
                (double) dupes.size());
    }

    private static Check planner(String expected, JsonNode playlist) {
        String planner = playlist.path("planner").asText();
        return Check.of(
                "planner", expected.equalsIgnoreCase(planner), "planner " + planner + ", expected " + expected, null);
    }

    private static Check maxLatency(double limitMs, double latencyMs) {
        return Check.of(
                "max_latency_ms",
                latencyMs <= limitMs,
                String.format(Locale.ROOT, "%.0f ms, limit %s ms", latencyMs, Format.number(limitMs)),
                latencyMs);
    }

    static Check toolCalled(Expect.ToolCall wanted, JsonNode calls) {
        int matching = 0;
        for (JsonNode call : calls) {
            if (call.path("name").asText().equals(wanted.name())
                    && wanted.args().entrySet().stream()
                            .allMatch(
                                    e -> argumentMatches(call.path("arguments").get(e.getKey()), e.getValue()))) {
                matching++;
            }
        }
        return Check.of(
                "tool_called",
                matching >= wanted.minCount(),
                wanted + ": " + matching + " matching of " + calls.size() + " tool calls",
                (double) matching);
    }

    /**
     * A string argument matches when it contains the expected text; a list (nested lists flattened) when one element
     * equals it; an expected list needs every element matched. Case-insensitive throughout.
     */
    static boolean argumentMatches(JsonNode actual, Object expected) {
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected instanceof List<?> all) {
            return all.stream().allMatch(e -> argumentMatches(actual, e));
        }
        String want = key(String.valueOf(expected));
        if (actual.isArray()) {
            List<String> flat = new ArrayList<>();
            flatten(actual, flat);
            return flat.stream().anyMatch(want::equals);
        }
        if (actual.isNumber() && expected instanceof Number n) {
            return actual.asDouble() == n.doubleValue();
        }
        return key(actual.asText()).contains(want);
    }

    private static void flatten(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
        } else {
            out.add(key(node.asText()));
        }
    }

    static String abbreviate(List<String> items) {
        String joined = String.join("; ", items.subList(0, Math.min(3, items.size())));
        return items.size() > 3 ? joined + "; …" : joined;
    }
}
