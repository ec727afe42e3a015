package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * The variations of OpenAI-compatible answers, written the way LangChain4j's OpenAI client reads them. Done on the
 * JSON, before the client parses it: a tool call without {@code "type"} (Mistral) would be dropped, {@code arguments}
 * as an object (Ollama-style) would not parse, {@code content} as a list of parts (Mistral's reasoning models) would
 * not parse, and an empty {@code function_call} (Go zero values from gateways) would become a call named "". Extra
 * fields ({@code reasoning}, {@code x_groq}, {@code timings}, …) are left alone: the client ignores them.
 */
final class OpenAiShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiShapes() {}

    /** A chat.completion body, made readable; the body itself when it is not JSON. */
    static String completion(String body) {
        return rewrite(body, "message", false);
    }

    /** One streamed chat.completion.chunk, made readable; the data itself when it is not JSON. */
    static String chunk(String data) {
        return rewrite(data, "delta", true);
    }

    /**
     * A whole chat.completion sent in answer to a request for a stream (some servers ignore "stream": true), as the
     * one chunk that says the same.
     */
    static String asChunk(String completion) {
        JsonNode root = ProviderErrors.parse(completion(completion));
        if (!(root instanceof ObjectNode out)) {
            return completion;
        }
        out.put("object", "chat.completion.chunk");
        for (JsonNode choice : out.path("choices")) {
            if (choice instanceof ObjectNode c && c.has("message")) {
                ObjectNode delta = (ObjectNode) c.remove("message");
                int index = 0;
                for (JsonNode call : delta.path("tool_calls")) {
                    ((ObjectNode) call).put("index", index++);
                }
                c.set("delta", delta);
            }
        }
        return out.toString();
    }

    private static String rewrite(String body, String messageField, boolean streamed) {
        JsonNode root = ProviderErrors.parse(body);
        if (!root.isObject() || !root.path("choices").isArray()) {
            return body;
        }
        boolean changed = false;
        for (JsonNode choice : root.path("choices")) {
            if (choice.get(messageField) instanceof ObjectNode message) {
                changed |= content(message) | functionCall(message) | toolCalls(message, streamed);
            }
        }
        return changed ? root.toString() : body;
    }

    /** A list of parts becomes its text parts, joined; reasoning parts are not the answer. */
    private static boolean content(ObjectNode message) {
        if (!(message.get("content") instanceof ArrayNode parts)) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            if (part.isTextual()) {
                text.append(part.asText());
            } else if ("text".equals(part.path("type").asText())
                    && part.path("text").isTextual()) {
                text.append(part.path("text").asText());
            }
        }
        message.put("content", text.toString());
        return true;
    }

    private static boolean functionCall(ObjectNode message) {
        JsonNode call = message.get("function_call");
        if (call != null && (call.isNull() || call.path("name").asText("").isBlank())) {
            message.remove("function_call");
            return true;
        }
        return false;
    }

    private static boolean toolCalls(ObjectNode message, boolean streamed) {
        if (!(message.get("tool_calls") instanceof ArrayNode calls)) {
            return message.has("tool_calls") && message.remove("tool_calls") != null;
        }
        boolean changed = false;
        for (Iterator<JsonNode> it = calls.iterator(); it.hasNext(); ) {
            if (!(it.next() instanceof ObjectNode call)) {
                it.remove();
                changed = true;
                continue;
            }
            changed |= toolCall(call, streamed);
            if (!streamed && call.path("function").path("name").asText("").isBlank()) {
                it.remove(); // a call to no tool: a placeholder, not a call
                changed = true;
            }
        }
        if (!streamed && calls.isEmpty()) {
            message.remove("tool_calls");
            changed = true;
        }
        return changed;
    }

    private static boolean toolCall(ObjectNode call, boolean streamed) {
        boolean changed = false;
        if (!streamed && !call.has("type")) {
            call.put("type", "function");
            changed = true;
        }
        JsonNode id = call.get("id");
        if (id != null && (id.isNull() || id.asText().isEmpty())) {
            call.remove("id"); // an empty id would replace the real one in a stream, and means none in an answer
            changed = true;
        } else if (id != null && !id.isTextual()) {
            call.put("id", id.asText());
            changed = true;
        }
        if (call.get("function") instanceof ObjectNode function) {
            JsonNode arguments = function.get("arguments");
            if (arguments != null && (arguments.isObject() || arguments.isArray())) {
                function.put("arguments", arguments.toString());
                changed = true;
            } else if (!streamed && (arguments == null || arguments.isNull())) {
                function.put("arguments", "{}");
                changed = true;
            }
        }
        return changed;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
