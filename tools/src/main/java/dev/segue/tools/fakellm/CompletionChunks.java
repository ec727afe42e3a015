package dev.segue.tools.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A completion as an OpenAI-compatible server streams it ({@code "stream": true}): {@code chat.completion.chunk}
 * objects, first the role and the content or the tool calls (each with its index), then the finish reason and usage.
 * The caller frames each as a server-sent event and ends with {@code data: [DONE]}.
 */
final class CompletionChunks {

    private CompletionChunks() {}

    static List<ObjectNode> of(ObjectNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<ObjectNode> chunks = new ArrayList<>();

        ObjectNode first = chunk(completion);
        ObjectNode delta =
                first.withArray("choices").addObject().put("index", 0).putObject("delta");
        delta.put("role", "assistant");
        if (message.path("content").isTextual()) {
            delta.put("content", message.path("content").asText());
        }
        if (message.has("tool_calls")) {
            int index = 0;
            for (JsonNode call : message.path("tool_calls")) {
                ObjectNode indexed = ((ObjectNode) call.deepCopy()).put("index", index++);
                delta.withArray("tool_calls").add(indexed);
            }
        }
        chunks.add(first);

        ObjectNode last = chunk(completion);
        ObjectNode finish = last.withArray("choices").addObject().put("index", 0);
        finish.putObject("delta");
        finish.put("finish_reason", choice.path("finish_reason").asText());
        last.set("usage", completion.path("usage").deepCopy());
        chunks.add(last);
        return chunks;
    }

    private static ObjectNode chunk(ObjectNode completion) {
        ObjectNode chunk = completion.objectNode();
        chunk.put("id", completion.path("id").asText());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("model", completion.path("model").asText());
        return chunk;
    }
}
