package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites recorded OpenAI-compatible answers (chat.completion, and the chunks of a stream): tool calls in
 * {@code tool_calls}, in a legacy {@code function_call}, or written as text in {@code content}; and the final text.
 */
final class OpenAiRecording {

    private static final Pattern TAGGED = Pattern.compile("(?s)(<tool_call>\\s*)(\\{.*?})(\\s*</tool_call>)");

    private OpenAiRecording() {}

    static String completion(String body, Rewrite rewrite) {
        ObjectNode root = (ObjectNode) Rewrite.parse(body);
        ObjectNode message = (ObjectNode) root.at("/choices/0/message");
        int n = 0;
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode function = (ObjectNode) call.get("function");
            Rewrite.Call ours = rewrite.call(n++);
            function.put("name", ours.name());
            if (function.path("arguments").isObject()) {
                function.set("arguments", ours.argumentsObject());
            } else {
                function.put("arguments", ours.argumentsJson());
            }
        }
        if (message.path("content").isTextual()) {
            String content = message.get("content").asText();
            if (content.contains("<tool_call>") && !rewrite.calls().isEmpty()) {
                message.put("content", taggedCalls(content, rewrite));
            } else if (rewrite.answer() != null) {
                message.put("content", rewrite.answer());
            }
        }
        return root.toString();
    }

    /** The calls written as text keep their tags and layout; their JSON names Segue's tools. */
    private static String taggedCalls(String content, Rewrite rewrite) {
        Matcher m = TAGGED.matcher(content);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            Rewrite.Call ours = rewrite.call(n++);
            ObjectNode call = (ObjectNode) Rewrite.parse(m.group(2));
            call.put("name", ours.name());
            call.set("arguments", ours.argumentsObject());
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + call + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The data of each chunk, rewritten; calls are told apart by their index, or by their order when none. */
    static List<String> chunks(List<String> data, Rewrite rewrite) {
        List<JsonNode> chunks = new ArrayList<>();
        Map<Integer, List<ObjectNode>> arguments = new LinkedHashMap<>();
        List<ObjectNode> content = new ArrayList<>();
        int calls = -1;
        for (String line : data) {
            JsonNode chunk = line.startsWith("{") ? Rewrite.parse(line) : null;
            chunks.add(chunk);
            JsonNode delta = chunk == null ? null : chunk.at("/choices/0/delta");
            if (!(delta instanceof ObjectNode d)) {
                continue;
            }
            for (JsonNode call : d.path("tool_calls")) {
                JsonNode function = call.path("function");
                boolean named = !function.path("name").asText("").isEmpty();
                int index = call.has("index") ? call.get("index").asInt() : named ? calls + 1 : Math.max(calls, 0);
                calls = Math.max(calls, index);
                if (named) {
                    ((ObjectNode) function).put("name", rewrite.call(index).name());
                }
                if (function.path("arguments").isTextual()
                        && !function.get("arguments").asText().isEmpty()) {
                    arguments.computeIfAbsent(index, i -> new ArrayList<>()).add((ObjectNode) function);
                }
            }
            if (d.path("content").isTextual() && !d.get("content").asText().isEmpty()) {
                content.add(d);
            }
        }
        arguments.forEach(
                (index, parts) -> spread(parts, "arguments", rewrite.call(index).argumentsJson()));
        if (rewrite.answer() != null) {
            spread(content, "content", rewrite.answer());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            out.add(chunks.get(i) == null ? data.get(i) : chunks.get(i).toString());
        }
        return out;
    }

    static void spread(List<ObjectNode> parts, String field, String text) {
        List<String> pieces = Rewrite.split(text, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).put(field, pieces.get(i));
        }
    }
}
