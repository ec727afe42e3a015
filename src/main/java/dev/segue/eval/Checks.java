package dev.segue.eval;

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

/** The assertions of evals/README.md, applied to one playlist as the API returned it (with its trace). */
public final class Checks {

    private Checks() {}

    /** Every assertion {@code expect} names, in a fixed order, for a 2xx playlist body. */
    public static List<Check> evaluate(Expect expect, JsonNode playlist, double latencyMs, Judge judge, String prompt) {
        List<Check> out = new ArrayList<>();
        JsonNode tracks = playlist.path("tracks");
        if (expect.tags() != null) {
            out.add(tags(expect.tags(), tracks));
        }
        if (expect.length() != null) {
            int n = tracks.size();
            out.add(Check.of(
                    "length", expect.length().contains(n), n + " tracks, expected " + expect.length(), (double) n));
        }
        if (expect.durationMinutes() != null) {
            Expect.Duration d = expect.durationMinutes();
            double minutes = playlist.path("totalDurationSec").asDouble() / 60;
            out.add(Check.of(
                    "duration_minutes",
                    Math.abs(minutes - d.minutes()) <= d.tolerance(),
                    String.format(
                            Locale.ROOT,
                            "%.1f min, expected %s ± %s",
                            minutes,
                            Format.number(d.minutes()),
                            Format.number(d.tolerance())),
                    minutes));
        }
        if (expect.maxPerArtist() != null) {
            Map<String, Integer> perArtist = new HashMap<>();
            tracks.forEach(t -> perArtist.merge(key(t.path("artist").asText()), 1, Integer::sum));
            Map.Entry<String, Integer> most = perArtist.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElse(null);
            int top = most == null ? 0 : most.getValue();
            out.add(Check.of(
                    "max_per_artist",
                    top <= expect.maxPerArtist(),
                    "at most " + top + " per artist" + (most == null ? "" : " (" + most.getKey() + ")") + ", limit "
                            + expect.maxPerArtist(),
                    (double) top));
        }
        if (expect.excludeArtists() != null) {
            Set<String> banned = new HashSet<>(
                    expect.excludeArtists().stream().map(Checks::key).toList());
            List<String> found = new ArrayList<>();
            tracks.forEach(t -> {
                if (banned.contains(key(t.path("artist").asText()))) {
                    found.add(
                            t.path("title").asText() + " by " + t.path("artist").asText());
                }
            });
            out.add(Check.of(
                    "exclude_artists",
                    found.isEmpty(),
                    found.isEmpty()
                            ? "none of " + expect.excludeArtists()
                            : found.size() + " excluded: " + abbreviate(found),
                    (double) found.size()));
        }
        if (expect.excludeTags() != null) {
            Set<String> banned =
                    new HashSet<>(expect.excludeTags().stream().map(Checks::key).toList());
            List<String> found = new ArrayList<>();
            tracks.forEach(t -> {
                Set<String> hit = new LinkedHashSet<>(tagsOf(t));
                hit.retainAll(banned);
                if (!hit.isEmpty()) {
                    found.add(t.path("title").asText() + " " + hit);
                }
            });
            out.add(Check.of(
                    "exclude_tags",
                    found.isEmpty(),
                    found.isEmpty()
                            ? "none tagged " + expect.excludeTags()
                            : found.size() + " tagged: " + abbreviate(found),
                    (double) found.size()));
        }
        if (expect.yearRange() != null) {
            Integer from = expect.yearRange().from();
            Integer to = expect.yearRange().to();
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
            out.add(Check.of(
                    "year_range",
                    outside == 0 && !tracks.isEmpty(),
                    outside + " of " + tracks.size()
                            + " tracks outside " + (from == null ? "" : from) + ".." + (to == null ? "" : to)
                            + " or without a year",
                    (double) outside));
        }
        if (Boolean.TRUE.equals(expect.noDuplicates())) {
            Set<String> ids = new HashSet<>();
            Set<String> songs = new HashSet<>();
            List<String> dupes = new ArrayList<>();
            tracks.forEach(t -> {
                String song = key(t.path("title").asText()) + " / "
                        + key(t.path("artist").asText());
                if (!ids.add(t.path("id").asText()) || !songs.add(song)) {
                    dupes.add(song);
                }
            });
            out.add(Check.of(
                    "no_duplicates",
                    dupes.isEmpty(),
                    dupes.isEmpty() ? "no track twice" : "twice: " + abbreviate(dupes),
                    (double) dupes.size()));
        }
        if (expect.planner() != null) {
            String planner = playlist.path("planner").asText();
            out.add(Check.of(
                    "planner",
                    expect.planner().equalsIgnoreCase(planner),
                    "planner " + planner + ", expected " + expect.planner(),
                    null));
        }
        if (expect.toolCalled() != null) {
            for (Expect.ToolCall wanted : expect.toolCalled()) {
                out.add(toolCalled(wanted, playlist.path("trace").path("toolCalls")));
            }
        }
        if (expect.maxLatencyMs() != null) {
            out.add(Check.of(
                    "max_latency_ms",
                    latencyMs <= expect.maxLatencyMs(),
                    String.format(Locale.ROOT, "%.0f ms, limit %s ms", latencyMs, Format.number(expect.maxLatencyMs())),
                    latencyMs));
        }
        if (expect.llmRubric() != null) {
            out.add(
                    judge == null
                            ? Check.skip("llm_rubric", "no judge model configured (set " + Judge.URL_ENV + ")")
                            : judge.score(expect.llmRubric(), prompt, playlist));
        }
        return out;
    }

    /**
     * The assertions only a DJ pull has: {@code played} holds the ids of every earlier segment of the session,
     * {@code previous} is the segment of the pull before (null on the first; the loader allows no comparison there).
     */
    public static List<Check> dj(Expect expect, JsonNode segment, JsonNode previous, Set<String> played) {
        List<Check> out = new ArrayList<>();
        JsonNode tracks = segment.path("tracks");
        if (Boolean.TRUE.equals(expect.noRepeats())) {
            Set<String> seen = new HashSet<>(played);
            List<String> repeats = new ArrayList<>();
            tracks.forEach(t -> {
                if (!seen.add(t.path("id").asText())) {
                    repeats.add(t.path("title").asText() + " (" + t.path("id").asText() + ")");
                }
            });
            out.add(Check.of(
                    "no_repeats",
                    repeats.isEmpty(),
                    repeats.isEmpty()
                            ? "none of " + tracks.size() + " played before (" + played.size() + " so far)"
                            : repeats.size() + " played before: " + abbreviate(repeats),
                    (double) repeats.size()));
        }
        if (previous == null
                && (expect.requestEffect() != null
                        || (expect.energy() != null && expect.energy().comparative()))) {
            out.add(Check.fail("dj", "no earlier segment to compare with", null));
            return out;
        }
        if (expect.requestEffect() != null) {
            Expect.RequestEffect e = expect.requestEffect();
            double before = share(e.groups(), previous.path("tracks"));
            double now = share(e.groups(), tracks);
            out.add(Check.of(
                    "request_effect",
                    now - before >= e.risesBy() - 1e-9,
                    String.format(
                            Locale.ROOT,
                            "share fitting %s: %.2f, was %.2f (%+.2f), must rise by %s",
                            e.groups(),
                            now,
                            before,
                            now - before,
                            Format.number(e.risesBy())),
                    now - before));
        }
        if (expect.energy() != null) {
            out.add(energy(
                    expect.energy(),
                    segment.path("energy").asDouble(),
                    previous == null ? null : previous.path("energy").asDouble()));
        }
        return out;
    }

    private static Check energy(Expect.Energy e, double now, Double before) {
        List<String> rules = new ArrayList<>();
        boolean ok = true;
        if (e.risesBy() != null) {
            rules.add("rise by " + Format.number(e.risesBy()));
            ok &= now - before >= e.risesBy() - 1e-9;
        }
        if (e.fallsBy() != null) {
            rules.add("fall by " + Format.number(e.fallsBy()));
            ok &= before - now >= e.fallsBy() - 1e-9;
        }
        if (e.min() != null) {
            rules.add("be at least " + Format.number(e.min()));
            ok &= now >= e.min() - 1e-9;
        }
        if (e.max() != null) {
            rules.add("be at most " + Format.number(e.max()));
            ok &= now <= e.max() + 1e-9;
        }
        String was = before == null ? "" : String.format(Locale.ROOT, ", was %.2f (%+.2f)", before, now - before);
        return Check.of(
                "energy",
                ok,
                String.format(Locale.ROOT, "energy %.2f%s; must %s", now, was, String.join(", ", rules)),
                e.comparative() ? now - before : now);
    }

    /** The share of tracks that carry, for every group, one of its tags. */
    static double share(List<Set<String>> groups, JsonNode tracks) {
        int fitting = 0;
        for (JsonNode t : tracks) {
            if (fits(groups, t)) {
                fitting++;
            }
        }
        return tracks.isEmpty() ? 0 : fitting / (double) tracks.size();
    }

    private static boolean fits(List<Set<String>> groups, JsonNode track) {
        Set<String> tags = new HashSet<>(tagsOf(track));
        return groups.stream().allMatch(group -> group.stream().anyMatch(tags::contains));
    }

    static Check tags(Expect.Tags expect, JsonNode tracks) {
        int fitting = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode t : tracks) {
            if (fits(expect.groups(), t)) {
                fitting++;
            } else if (misses.size() < 3) {
                misses.add(t.path("title").asText() + " " + tagsOf(t));
            }
        }
        double precision = tracks.isEmpty() ? 0 : fitting / (double) tracks.size();
        String detail = String.format(
                        Locale.ROOT, "%d of %d fit (%.2f), min %.2f", fitting, tracks.size(), precision, expect.min())
                + (misses.isEmpty() || precision >= expect.min() ? "" : "; e.g. " + String.join("; ", misses));
        return Check.of("tags", precision >= expect.min() - 1e-9, detail, precision);
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

    static List<String> tagsOf(JsonNode track) {
        List<String> tags = new ArrayList<>();
        for (String field : List.of("genres", "moods", "instruments")) {
            track.path(field).forEach(t -> tags.add(key(t.asText())));
        }
        return tags;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(List<String> items) {
        String joined = String.join("; ", items.subList(0, Math.min(3, items.size())));
        return items.size() > 3 ? joined + "; …" : joined;
    }
}
