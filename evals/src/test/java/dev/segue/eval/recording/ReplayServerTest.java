package dev.segue.eval.recording;

import static dev.segue.eval.recording.RecordingProxyTest.manifest;
import static dev.segue.eval.recording.RecordingProxyTest.ofString;
import static dev.segue.eval.recording.RecordingProxyTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * --replay's server: recorded answers for the recorded requests, in order; tool-call ids compared by position; and a
 * request that drifted (prompt, tool schema, streaming) answered 400 with the first field that differs.
 */
class ReplayServerTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PROMPT = "You are a playlist planner. You build playlists from one music catalog,"
            + " using only the tools below.\nNever invent ids.\nAnswer with JSON.";
    private static final String QUERY = "words to search the catalog for";

    @Test
    void theSameRequestGetsTheRecordedAnswersInOrderThenTheLastAgain() throws Exception {
        ObjectNode request = chat(PROMPT, QUERY, false, "calm piano");
        try (ReplayServer replay = replay(request, request)) {
            assertEquals("answer 1", send(replay, request).body());
            assertEquals("answer 2", send(replay, request).body());
            assertEquals("answer 2", send(replay, request).body());
            assertEquals(1, replay.repeats());
            assertEquals(List.of(), replay.unused());
            assertEquals(List.of(), replay.drifts());
        }
    }

    @Test
    void aChangedPromptIsReportedAtItsFieldAndCharacter() throws Exception {
        try (ReplayServer replay = replay(chat(PROMPT, QUERY, false, "calm piano"))) {
            String edited = PROMPT.replace("Never invent ids.", "Never invent ids, ever.");
            HttpResponse<String> answer = send(replay, chat(edited, QUERY, false, "calm piano"));
            assertEquals(400, answer.statusCode(), "the agent is stopped at once");
            String drift = onlyDrift(replay);
            assertTrue(
                    drift.contains("at $.messages[0].content (character 116 of 135 recorded, 141 sent): recorded"
                            + " \"…g only the tools below.\\nNever invent ids.\\nAnswer with JSON.\", sent"
                            + " \"…g only the tools below.\\nNever invent ids, ever.\\nAnswer with JSON.\""),
                    drift);
            assertTrue(answer.body().contains("$.messages[0].content"), answer.body());
            assertEquals(List.of(1), replay.unused());
        }
    }

    @Test
    void aChangedToolSchemaIsReportedAtItsPath() throws Exception {
        try (ReplayServer replay = replay(chat(PROMPT, QUERY, false, "calm piano"))) {
            send(replay, chat(PROMPT, "what to look for", false, "calm piano"));
            assertTrue(
                    onlyDrift(replay).contains("at $.tools[0].function.parameters.properties.query.description"),
                    onlyDrift(replay));
        }
    }

    @Test
    void streamingWhereTheRecordingDidNotIsDrift() throws Exception {
        try (ReplayServer replay = replay(chat(PROMPT, QUERY, false, "calm piano"))) {
            send(replay, chat(PROMPT, QUERY, true, "calm piano"));
            assertTrue(onlyDrift(replay).contains("at $.stream: recorded false, sent true"), onlyDrift(replay));
        }
    }

    @Test
    void aDriftIsComparedWithTheRecordedRequestThatSharesTheMost() throws Exception {
        try (ReplayServer replay =
                replay(chat(PROMPT, QUERY, false, "calm piano"), chat(PROMPT, QUERY, false, "hip hop beats"))) {
            send(replay, chat(PROMPT + " Be brief.", QUERY, false, "hip hop beats"));
            String drift = onlyDrift(replay);
            assertTrue(drift.contains("the nearest, exchange 0002, at $.messages[0].content"), drift);
        }
    }

    @Test
    void toolCallIdsMayChangeButMustPairTheSameCallsAndResults() throws Exception {
        try (ReplayServer replay = replay(afterToolCall("call_1", "call_1"))) {
            assertEquals(200, send(replay, afterToolCall("a9f3", "a9f3")).statusCode());
            assertEquals(List.of(), replay.drifts());
            assertEquals(400, send(replay, afterToolCall("a9f3", "b7c1")).statusCode());
            assertTrue(
                    onlyDrift(replay).contains("at $.messages[2].tool_call_id: recorded \"#1\", sent \"#2\""),
                    onlyDrift(replay));
        }
    }

    /** A chat request with one tool, as Segue's agent sends it (shortened). */
    private static ObjectNode chat(String system, String queryDescription, boolean stream, String words) {
        ObjectNode request = Body.JSON.createObjectNode().put("model", "m");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", "<<<\n" + words + "\n>>>");
        ObjectNode function =
                request.putArray("tools").addObject().put("type", "function").putObject("function");
        function.put("name", "search_tracks").put("description", "Search the catalog.");
        ObjectNode properties =
                function.putObject("parameters").put("type", "object").putObject("properties");
        properties.putObject("query").put("type", "string").put("description", queryDescription);
        request.put("stream", stream);
        return request;
    }

    /** The second request of a conversation: the model's tool call and its result, each with its id. */
    private static ObjectNode afterToolCall(String callId, String resultId) {
        ObjectNode request = chat(PROMPT, QUERY, false, "calm piano");
        ArrayNode messages = (ArrayNode) request.get("messages");
        messages.remove(0);
        ObjectNode call = messages.addObject()
                .put("role", "assistant")
                .putArray("tool_calls")
                .addObject();
        call.put("id", callId).put("type", "function");
        call.putObject("function").put("name", "search_tracks").put("arguments", "{\"query\":\"calm piano\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", resultId).put("content", "[]");
        return request;
    }

    private static ReplayServer replay(ObjectNode... requests) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        for (ObjectNode request : requests) {
            int seq = exchanges.size() + 1;
            exchanges.add(new Exchange(
                    seq,
                    new Exchange.Request("POST", "/v1/chat/completions", Map.of(), request, null, null),
                    new Exchange.Response(200, Map.of("content-type", "text/plain"), null, "answer " + seq, null)));
        }
        return ReplayServer.start(new Recording(manifest("http://127.0.0.1:9/v1", exchanges.size()), exchanges));
    }

    private static HttpResponse<String> send(ReplayServer replay, ObjectNode request) throws Exception {
        return HTTP.send(post(replay.baseUrl() + "/chat/completions", "any", request.toString()), ofString());
    }

    private static String onlyDrift(ReplayServer replay) {
        assertEquals(1, replay.drifts().size(), replay.drifts().toString());
        return replay.drifts().get(0).describe();
    }
}
