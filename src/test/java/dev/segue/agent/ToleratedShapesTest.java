package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The variations no recording in the compatibility suite shows, read the same way: numeric, empty and repeated ids,
 * arguments as an object, content as parts, an empty function_call, and tool calls written as text in each way small
 * local models write them.
 */
class ToleratedShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOOLS = Set.of("search_tracks", "list_tags");

    @Test
    void openAiAnswersAreWrittenTheWayTheClientReadsThem() throws Exception {
        String body = "{\"choices\":[{\"index\":0,\"finish_reason\":\"\",\"message\":{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"hm\"},{\"type\":\"text\",\"text\":\"ok\"}],"
                + "\"function_call\":{\"name\":\"\",\"arguments\":\"\"},"
                + "\"tool_calls\":[{\"id\":7,\"function\":{\"name\":\"search_tracks\",\"arguments\":{\"query\":\"x\"}}},"
                + "{\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":\"list_tags\"}},"
                + "{\"id\":\"c\",\"function\":{\"name\":\"\",\"arguments\":\"\"}}]}}]}";
        JsonNode message = JSON.readTree(OpenAiShapes.completion(body)).at("/choices/0/message");
        assertEquals("ok", message.get("content").asText(), "the text parts, not the thinking");
        assertFalse(message.has("function_call"), "an empty function_call is no call");
        JsonNode calls = message.get("tool_calls");
        assertEquals(2, calls.size(), "a call to no tool is dropped");
        assertEquals("function", calls.get(0).get("type").asText());
        assertEquals("7", calls.get(0).get("id").asText());
        assertEquals("{\"query\":\"x\"}", calls.get(0).at("/function/arguments").asText());
        assertFalse(calls.get(1).has("id"), "an empty id means none");
        assertEquals("{}", calls.get(1).at("/function/arguments").asText(), "missing arguments are no arguments");
    }

    @Test
    void everyCallGetsAnIdOfItsOwn() {
        List<ToolExecutionRequest> calls = ToleratedAnswers.withIds(List.of(
                call(null, "search_tracks"),
                call("a", "list_tags"),
                call("a", "list_tags"),
                call("", "search_tracks"),
                call("b", " ")));
        List<String> ids = calls.stream().map(ToolExecutionRequest::id).toList();
        assertEquals(4, ids.size(), "the nameless call is dropped: " + ids);
        assertEquals(4, Set.copyOf(ids).size(), "no two share an id: " + ids);
        assertEquals("a", ids.get(1), "a real id is kept");
    }

    @Test
    void toolCallsWrittenAsTextAreCalls() {
        String args = "{\"query\": \"calm piano\"}";
        List<String> written = List.of(
                "<tool_call>\n{\"name\": \"search_tracks\", \"arguments\": " + args + "}\n</tool_call>",
                "<think>\nthe user wants piano\n</think>\n\n<tool_call>{\"name\": \"search_tracks\", \"arguments\": "
                        + args + "}</tool_call>",
                "```json\n{\"name\": \"search_tracks\", \"arguments\": " + args + "}\n```",
                "{\"name\": \"search_tracks\", \"parameters\": " + args + "}",
                "{\"name\": \"search_tracks\", \"arguments\": \"{\\\"query\\\": \\\"calm piano\\\"}\"}");
        for (String text : written) {
            List<ToolExecutionRequest> calls =
                    TextToolCalls.find(text, TOOLS).orElseThrow(() -> new AssertionError(text));
            assertEquals(1, calls.size(), text);
            assertEquals("search_tracks", calls.get(0).name());
            assertTrue(
                    calls.get(0).arguments().contains("calm piano"),
                    calls.get(0).arguments());
        }
    }

    @Test
    void anAnswerThatMerelyMentionsAToolIsAnAnswer() {
        for (String text : List.of(
                "{\"title\": \"Calm\", \"tracks\": []}",
                "I would call search_tracks for this.",
                "{\"name\": \"play_music\", \"arguments\": {}}")) {
            assertTrue(TextToolCalls.find(text, TOOLS).isEmpty(), text);
        }
    }

    private static ToolExecutionRequest call(String id, String name) {
        return ToolExecutionRequest.builder().id(id).name(name).arguments("{}").build();
    }
}
