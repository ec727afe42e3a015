package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model's final message, read leniently: JSON, possibly in a code fence or after some prose. Anything that is not
 * a usable selection or an explicit refusal reads as empty, and the planner builds the playlist from the candidates.
 */
record AgentAnswer(
        String title,
        String description,
        List<Pick> tracks,
        List<String> excludeTags,
        List<String> excludeArtists,
        String refusal) {

    record Pick(String id, String reason) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PICKS = 200;

    static Optional<AgentAnswer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            return Optional.empty();
        }
        String refusal = text(root, "refusal");
        List<Pick> picks = new ArrayList<>();
        JsonNode tracks = root.path("tracks");
        if (tracks.isArray()) {
            for (JsonNode t : tracks) {
                if (picks.size() >= MAX_PICKS) {
                    break;
                }
                String id = t.isTextual() ? t.asText() : text(t, "id");
                if (id != null && !id.isBlank()) {
                    picks.add(new Pick(id.strip(), t.isObject() ? text(t, "reason") : null));
                }
            }
        }
        if (refusal == null && picks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AgentAnswer(
                text(root, "title"),
                text(root, "description"),
                picks,
                strings(root.path("exclude_tags")),
                strings(root.path("exclude_artists")),
                refusal));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? value.asText().strip()
                : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank() && out.size() < 50) {
                    out.add(n.asText().strip());
                }
            });
        }
        return out;
    }
}
