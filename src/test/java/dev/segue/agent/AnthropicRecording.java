package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rewrites recorded Anthropic Messages answers: {@code tool_use} blocks, and the text of a final answer. */
final class AnthropicRecording {

    private AnthropicRecording() {}

    static String message(String body, Rewrite rewrite) {
        ObjectNode root = (ObjectNode) Rewrite.parse(body);
        int n = 0;
        boolean answered = false;
        for (JsonNode block : root.path("content")) {
            ObjectNode b = (ObjectNode) block;
            if ("tool_use".equals(b.path("type").asText())) {
                Rewrite.Call ours = rewrite.call(n++);
                b.put("name", ours.name());
                b.set("input", ours.argumentsObject());
            } else if ("text".equals(b.path("type").asText()) && rewrite.answer() != null) {
                b.put("text", answered ? "" : rewrite.answer());
                answered = true;
            }
        }
        return root.toString();
    }

    /** The events of a stream: a tool_use block's name at its start, its input over its input_json_delta events. */
    static List<String> events(List<String> data, Rewrite rewrite) {
        List<ObjectNode> events = new ArrayList<>();
        Map<Integer, Integer> callOfBlock = new LinkedHashMap<>();
        Map<Integer, List<ObjectNode>> inputs = new LinkedHashMap<>();
        List<ObjectNode> texts = new ArrayList<>();
        for (String line : data) {
            ObjectNode event = (ObjectNode) Rewrite.parse(line);
            events.add(event);
            int block = event.path("index").asInt(-1);
            JsonNode start = event.path("content_block");
            if ("tool_use".equals(start.path("type").asText())) {
                int call = callOfBlock.size();
                callOfBlock.put(block, call);
                ((ObjectNode) start).put("name", rewrite.call(call).name());
            }
            JsonNode delta = event.path("delta");
            if ("input_json_delta".equals(delta.path("type").asText())
                    && !delta.path("partial_json").asText().isEmpty()) {
                inputs.computeIfAbsent(block, b -> new ArrayList<>()).add((ObjectNode) delta);
            }
            if ("text_delta".equals(delta.path("type").asText())
                    && !delta.path("text").asText().isEmpty()) {
                texts.add((ObjectNode) delta);
            }
        }
        inputs.forEach((block, parts) -> OpenAiRecording.spread(
                parts, "partial_json", rewrite.call(callOfBlock.get(block)).argumentsJson()));
        if (rewrite.answer() != null) {
            OpenAiRecording.spread(texts, "text", rewrite.answer());
        }
        return events.stream().map(JsonNode::toString).toList();
    }

    /** An event's name is its data's type, as Anthropic sends it. */
    static String eventName(String data) {
        return Rewrite.parse(data).path("type").asText();
    }
}
