package dev.segue.tools.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.tools.common.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fake model answers to an OpenAI chat-completions request, instantly and always the same way: first one
 * search_tracks call for the listener's words, then, once a tool result is in the conversation, a selection of the
 * first {@value #PICKS} ids it returned. Enough for the playlist agent to run its whole loop without a model's latency.
 */
final class ChatCompletions {

    static final int PICKS = 20;
    static final int SEARCH_LIMIT = 40;

    /** The agent's user message wraps the listener's words in these delimiters, each on its own line. */
    private static final Pattern LISTENER_WORDS = Pattern.compile("<<<\n(.*?)\n>>>", Pattern.DOTALL);

    private ChatCompletions() {}

    static ObjectNode answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        return hasToolResult(messages) ? selection(toolResultIds(messages)) : searchCall(listenerWords(messages));
    }

    private static boolean hasToolResult(JsonNode messages) {
        for (JsonNode message : messages) {
            if ("tool".equals(message.path("role").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The first delimited request in the conversation, or a neutral query when there is none. */
    static String listenerWords(JsonNode messages) {
        for (JsonNode message : messages) {
            Matcher words = LISTENER_WORDS.matcher(text(message.path("content")));
            if (words.find()) {
                return words.group(1);
            }
        }
        return "music";
    }

    /** Every "id" in the tool results, in the order they came, without repeats. */
    static List<String> toolResultIds(JsonNode messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode message : messages) {
            if ("tool".equals(message.path("role").asText())) {
                collectIds(Json.read(text(message.path("content"))), ids);
            }
        }
        return new ArrayList<>(ids);
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            JsonNode id = node.get("id");
            if (id != null && id.isTextual()) {
                ids.add(id.asText());
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectIds(child, ids));
        }
    }

    /** Content is a string, or (for multi-part messages) an array of parts of which the text ones count. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    private static ObjectNode searchCall(String query) {
        ObjectNode arguments =
                Json.MAPPER.createObjectNode().put("query", query).put("limit", SEARCH_LIMIT);
        ObjectNode message =
                Json.MAPPER.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", "search_tracks").put("arguments", Json.write(arguments));
        return completion("x", message, "tool_calls", 900, 30);
    }

    private static ObjectNode selection(List<String> ids) {
        ObjectNode content = Json.MAPPER.createObjectNode().put("title", "Fake");
        ArrayNode tracks = content.putArray("tracks");
        ids.stream().limit(PICKS).forEach(id -> tracks.addObject().put("id", id).put("reason", "Fits the request."));
        ObjectNode message =
                Json.MAPPER.createObjectNode().put("role", "assistant").put("content", Json.write(content));
        return completion("y", message, "stop", 3000, 400);
    }

    /** The envelope; token counts are plausible for the agent's prompts so that usage metrics have something. */
    private static ObjectNode completion(
            String id, ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode completion = Json.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("object", "chat.completion")
                .put("model", "fake");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        completion
                .putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return completion;
    }
}
