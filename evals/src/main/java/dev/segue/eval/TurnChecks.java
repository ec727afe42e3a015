package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.Check;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every answer with tracks is checked for, whatever the case asks, and the per-turn metrics of checks. */
final class TurnChecks {

    private TurnChecks() {}

    /** What every playlist or segment must look like: tracks numbered 1..n, each with an id. */
    static List<Check> shape(JsonNode playlist) {
        JsonNode tracks = playlist.path("tracks");
        if (!tracks.isArray() || tracks.isEmpty()) {
            return List.of(Check.fail("playlist", "no tracks", 0.0));
        }
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode t = tracks.get(i);
            if (t.path("position").asInt() != i + 1 || t.path("id").asText().isBlank()) {
                return List.of(Check.fail(
                        "playlist",
                        "track " + (i + 1) + " has position " + t.path("position") + " and id " + t.path("id"),
                        null));
            }
        }
        return List.of();
    }

    /** Every track id is one the catalog serves (GET /api/tracks/{id}): nothing invented, nothing injected. */
    static Check knownTrackIds(JsonNode playlist, ServiceClient client) {
        List<String> unknown = new ArrayList<>();
        for (JsonNode t : playlist.path("tracks")) {
            String id = t.path("id").asText();
            if (client.get("/api/tracks/" + encode(id)).status() != 200) {
                unknown.add(id);
            }
        }
        return Check.of(
                "known_track_ids",
                unknown.isEmpty(),
                unknown.isEmpty()
                        ? "all " + playlist.path("tracks").size() + " ids are catalog tracks"
                        : "unknown ids: " + unknown,
                null);
    }

    /** The per-turn metrics that checks measure: tag precision and the judge's score. */
    static Map<String, Double> metricsOf(List<Check> checks) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Check check : checks) {
            if (check.name().equals("tags") && check.value() != null) {
                metrics.put("tag_precision", check.value());
            }
            if (check.name().equals("llm_rubric") && check.value() != null) {
                metrics.put("rubric_score", check.value());
            }
        }
        return metrics;
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
