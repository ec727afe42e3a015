package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The assertions only a DJ pull has: they compare a segment with the session before it. */
public final class DjChecks {

    private DjChecks() {}

    /**
     * {@code played} holds the ids of every earlier segment of the session, {@code previous} is the segment of the
     * pull before (null on the first; the loader allows no comparison there).
     */
    public static List<Check> evaluate(Expect expect, JsonNode segment, JsonNode previous, Set<String> played) {
        List<Check> out = new ArrayList<>();
        JsonNode tracks = segment.path("tracks");
        if (Boolean.TRUE.equals(expect.noRepeats())) {
            out.add(noRepeats(tracks, played));
        }
        boolean compares = expect.requestEffect() != null
                || (expect.energy() != null && expect.energy().comparative());
        if (previous == null && compares) {
            out.add(Check.fail("dj", "no earlier segment to compare with", null));
            return out;
        }
        if (expect.requestEffect() != null) {
            out.add(requestEffect(expect.requestEffect(), tracks, previous.path("tracks")));
        }
        if (expect.energy() != null) {
            out.add(energy(
                    expect.energy(),
                    segment.path("energy").asDouble(),
                    previous == null ? null : previous.path("energy").asDouble()));
        }
        return out;
    }

    private static Check noRepeats(JsonNode tracks, Set<String> played) {
        Set<String> seen = new HashSet<>(played);
        List<String> repeats = new ArrayList<>();
        tracks.forEach(t -> {
            if (!seen.add(t.path("id").asText())) {
                repeats.add(t.path("title").asText() + " (" + t.path("id").asText() + ")");
            }
        });
        return Check.of(
                "no_repeats",
                repeats.isEmpty(),
                repeats.isEmpty()
                        ? "none of " + tracks.size() + " played before (" + played.size() + " so far)"
                        : repeats.size() + " played before: " + Checks.abbreviate(repeats),
                (double) repeats.size());
    }

    private static Check requestEffect(Expect.RequestEffect effect, JsonNode tracks, JsonNode previousTracks) {
        double before = TrackTags.share(effect.groups(), previousTracks);
        double now = TrackTags.share(effect.groups(), tracks);
        return Check.of(
                "request_effect",
                now - before >= effect.risesBy() - 1e-9,
                String.format(
                        Locale.ROOT,
                        "share fitting %s: %.2f, was %.2f (%+.2f), must rise by %s",
                        effect.groups(),
                        now,
                        before,
                        now - before,
                        Format.number(effect.risesBy())),
                now - before);
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
}
