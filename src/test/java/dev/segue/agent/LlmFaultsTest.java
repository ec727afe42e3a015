package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.OpenAiStub.ToolCall;
import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every fault mode of the provider or the model ends in a valid playlist, and says how. */
@QuarkusTest
@TestProfile(LlmProfile.class)
class LlmFaultsTest extends LlmTestSupport {

    @Test
    void aSlowProviderTimesOutAndTheOfflinePlannerAnswers() {
        OpenAiStub.script(server, OpenAiStub.answer("{}").withFixedDelay(6000));
        long start = System.nanoTime();
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("offline", p.getString("planner"));
        assertEquals(20, p.getList("tracks").size());
        Api.assertNoted(p, "timed out");
        assertTrue(ms < 12_000, "answered within the request timeout, took " + ms + " ms");
    }

    @Test
    void aRateLimitIsRetriedAfterTheProvidersRetryAfter() {
        List<String> piano = searchIds("calm piano", Set.of("piano"), 20);
        OpenAiStub.script(
                server,
                OpenAiStub.status(429).withHeader("Retry-After", "1"),
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))),
                OpenAiStub.answer(OpenAiStub.selection("Calm Piano", piano, Map.of())));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"));
        List<Map<String, Object>> calls = p.getList("trace.llmCalls");
        assertEquals("HTTP 429", calls.get(0).get("error"));
        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        long waited = sent.get(1).getLoggedDate().getTime()
                - sent.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 900, "waited " + waited + " ms for Retry-After: 1");
    }

    @Test
    void serverErrorsUntilRetriesRunOutFallBack() {
        OpenAiStub.script(server, OpenAiStub.status(503));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        Api.assertNoted(p, "HTTP 503");
        assertEquals(
                2, server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size(), "one try, one retry");
    }

    @Test
    void malformedArgumentsAndUnknownToolsAreAnsweredAsToolErrors() throws Exception {
        List<String> piano = searchIds("calm piano", Set.of("piano"), 20);
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        new ToolCall("search_tracks", "{\"query\": \"calm piano\", \"instruments\": [piano")),
                OpenAiStub.toolCalls(new ToolCall("play_music", "{}")),
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))),
                OpenAiStub.answer(OpenAiStub.selection("Calm Piano", capped(piano, 20), Map.of())));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"));
        List<String> ids = p.getList("tracks.id");
        assertEquals(capped(piano, 20), ids.subList(0, capped(piano, 20).size()));
        List<JsonNode> sent = sentRequests();
        assertTrue(
                sent.get(1).get("messages").toString().contains("are not valid"),
                "the model hears its arguments were bad");
        assertTrue(
                sent.get(2).get("messages").toString().contains("there is no tool named"),
                "and that the tool does not exist");
    }

    @Test
    void endlessInvalidCallsStopTheAgentAndFallBack() {
        OpenAiStub.script(server, OpenAiStub.toolCalls(new ToolCall("search_tracks", "not json at all")));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        Api.assertNoted(p, "invalid tool calls");
    }

    @Test
    void aToolCallLoopIsStoppedAndTheToolResultsAreUsed() {
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"));
        assertEquals(20, p.getList("tracks").size());
        Api.assertNoted(p, "more than 4 tool calls");
        assertEquals(
                5, server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size());
    }

    @Test
    void garbageFinalContentFallsBackToTheToolResults() {
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))),
                OpenAiStub.answer("Sure! Here are some lovely tracks you might enjoy :)"));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"));
        assertEquals(20, p.getList("tracks").size());
        Api.assertNoted(p, "did not return a usable selection");
    }

    @Test
    void anEmptyAnswerWithoutToolsFallsBackToOffline() {
        OpenAiStub.script(server, OpenAiStub.answer(""));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        assertEquals(20, p.getList("tracks").size());
    }
}
