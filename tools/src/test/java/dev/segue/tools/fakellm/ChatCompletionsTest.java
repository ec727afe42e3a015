package dev.segue.tools.fakellm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest {

    @Test
    void withoutDelimitedWordsItSearchesForMusic() {
        JsonNode messages = Json.read("[{\"role\":\"user\",\"content\":\"hello\"}]");

        assertEquals("music", ChatCompletions.listenerWords(messages));
    }

    @Test
    void readsWordsFromMultiPartContent() {
        JsonNode messages =
                Json.read("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"<<<\\nlo-fi\\n>>>\"}]}]");

        assertEquals("lo-fi", ChatCompletions.listenerWords(messages));
    }

    @Test
    void takesIdsOnlyFromToolResultsInOrderWithoutRepeats() {
        JsonNode messages = Json.read("["
                + "{\"role\":\"assistant\",\"content\":\"{\\\"tracks\\\":[{\\\"id\\\":\\\"earlier\\\"}]}\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\","
                + "\"content\":\"{\\\"tracks\\\":[{\\\"id\\\":\\\"b\\\"},{\\\"id\\\":\\\"a\\\"},{\\\"id\\\":\\\"b\\\"}]}\"}"
                + "]");

        assertEquals(List.of("b", "a"), ChatCompletions.toolResultIds(messages));
    }
}
