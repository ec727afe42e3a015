package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites recorded Gemini answers (GenerateContentResponse, whole or streamed): {@code functionCall} parts, and the
 * text parts of a final answer (thought parts are not the answer and stay as they are).
 */
final class GeminiRecording {

    private GeminiRecording() {}

    static String response(String body, Rewrite rewrite) {
        return chunks(List.of(Rewrite.parse(body).toString()), rewrite).get(0);
    }

    static List<String> chunks(List<String> data, Rewrite rewrite) {
        List<JsonNode> chunks = new ArrayList<>();
        List<ObjectNode> texts = new ArrayList<>();
        int n = 0;
        for (String line : data) {
            JsonNode chunk = Rewrite.parse(line);
            chunks.add(chunk);
            for (JsonNode part : chunk.at("/candidates/0/content/parts")) {
                ObjectNode p = (ObjectNode) part;
                if (p.has("functionCall")) {
                    Rewrite.Call ours = rewrite.call(n++);
                    ObjectNode call = (ObjectNode) p.get("functionCall");
                    call.put("name", ours.name());
                    call.set("args", ours.argumentsObject());
                } else if (p.path("text").isTextual()
                        && !p.path("text").asText().isEmpty()
                        && !p.path("thought").asBoolean(false)) {
                    texts.add(p);
                }
            }
        }
        if (rewrite.answer() != null) {
            OpenAiRecording.spread(texts, "text", rewrite.answer());
        }
        return chunks.stream().map(JsonNode::toString).toList();
    }
}
