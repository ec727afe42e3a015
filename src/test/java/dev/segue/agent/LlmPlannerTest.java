package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.agent.OpenAiStub.ToolCall;
import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The LLM planner against a scripted OpenAI-compatible server: the happy path with several tool calls, refinement,
 * the ranker as a tool, refusals, prompt versions, and what reaches the logs. The requests we send are checked too.
 */
@QuarkusTest
@TestProfile(LlmProfile.class)
class LlmPlannerTest extends LlmTestSupport {

    @Test
    void theAgentSearchesSeveralTimesThenItsGroundedSelectionBecomesThePlaylist() throws Exception {
        List<String> piano = searchIds("calm piano", Set.of("piano"), 20);
        List<String> relaxing = searchIds("relaxing ambient study", Set.of("relaxing", "calm"), 20);
        List<String> both = new ArrayList<>(piano.subList(0, 12));
        both.addAll(relaxing);
        List<String> picks = capped(both, 20);
        List<String> answered = new ArrayList<>(picks);
        answered.add(3, "jamendo:999999999"); // no tool returned it: must be dropped
        Map<String, String> reasons = new HashMap<>();
        reasons.put(picks.get(0), "A heavy metal anthem from 1987."); // claims the track does not hold
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano"))),
                        ToolCall.of("list_tags", Map.of("category", "mood"))),
                OpenAiStub.toolCalls(ToolCall.of(
                        "search_tracks",
                        Map.of("query", "relaxing ambient study", "moods", List.of("relaxing", "calm")))),
                OpenAiStub.answer(OpenAiStub.selection("Quiet Keys for Deep Work", answered, reasons)));

        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");

        assertEquals("llm", p.getString("planner"));
        assertEquals("Quiet Keys for Deep Work", p.getString("title"));
        List<String> ids = p.getList("tracks.id");
        assertEquals(20, ids.size());
        assertEquals(picks, ids.subList(0, picks.size()), "the LLM's order, minus the id no tool returned");
        Api.assertNoted(p, "dropped 1 track id");
        String firstReason = p.getString("tracks[0].reason");
        assertFalse(firstReason.contains("metal"), "a reason naming facts the track lacks is replaced: " + firstReason);
        assertEquals("Fits the request by its tags.", p.getString("tracks[1].reason"));

        List<Map<String, Object>> llmCalls = p.getList("trace.llmCalls");
        assertEquals(3, llmCalls.size());
        assertEquals(812, llmCalls.get(0).get("inputTokens"));
        assertEquals("tool_execution", llmCalls.get(0).get("finishReason"));
        List<String> toolNames = p.getList("trace.toolCalls.name");
        assertEquals(
                List.of("search_tracks", "list_tags", "search_tracks"),
                toolNames.subList(0, 3),
                "the agent's calls," + " then the planner's own searches that top up the pool");

        assertTheRequestsWeSent(piano);
    }

    /** The model, the tools offered, the system prompt, the delimited prompt, tool results and the key. */
    private void assertTheRequestsWeSent(List<String> piano) throws Exception {
        List<JsonNode> sent = sentRequests();
        assertEquals(3, sent.size());
        JsonNode first = sent.get(0);
        assertEquals("test-model", first.get("model").asText());
        List<String> offered = new ArrayList<>();
        first.get("tools").forEach(t -> offered.add(t.at("/function/name").asText()));
        assertEquals(
                Set.of("search_tracks", "list_tags", "similar_tracks", "tracks_by_artist", "rank_candidates"),
                Set.copyOf(offered));
        assertTrue(
                first.at("/messages/0/content").asText().startsWith("You are Segue's playlist planner"),
                "the system prompt is prompts/playlist-agent.v1.md");
        assertTrue(
                first.at("/messages/1/content").asText().contains("<<<\n" + PROMPT + "\n>>>"),
                "the listener's words are delimited as data");
        JsonNode toolResult = sent.get(1).get("messages");
        assertTrue(toolResult.toString().contains(piano.get(0)), "tool results go back to the model");
        assertEquals(
                "Bearer " + WireMockLlm.API_KEY,
                server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)))
                        .get(0)
                        .getHeader("Authorization"));
    }

    @Test
    void aRefinementContinuesTheConversation() throws Exception {
        List<String> piano = searchIds("calm piano", Set.of("piano"), 20);
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))),
                OpenAiStub.answer(OpenAiStub.selection("Calm Piano", capped(piano, 20), Map.of())));
        String id = Api.createTraced("{\"prompt\":\"calm piano\"}").getString("id");

        List<String> upbeat = searchIds("upbeat happy piano", Set.of("upbeat", "happy"), 10);
        List<String> mixed = new ArrayList<>(capped(piano, 6));
        mixed.addAll(upbeat);
        List<String> next = capped(mixed, 20);
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(ToolCall.of(
                        "search_tracks",
                        Map.of("query", "upbeat happy piano", "moods", List.of("upbeat", "happy"), "limit", 10))),
                OpenAiStub.answer(OpenAiStub.selection("Brighter Piano", next, Map.of())));
        JsonPath v2 = Api.refine(id, "more upbeat");

        assertEquals(2, v2.getInt("version"));
        assertEquals("llm", v2.getString("planner"));
        List<String> v2Ids = v2.getList("tracks.id");
        assertEquals(next, v2Ids.subList(0, next.size()));
        JsonNode messages = sentRequests().get(0).get("messages");
        String all = messages.toString();
        assertTrue(all.contains("calm piano") && all.contains("Calm Piano"), "the first turn is replayed: " + all);
        assertTrue(all.contains("more upbeat") && all.contains("Current playlist"), all);
    }

    @Test
    void rankCandidatesAnswersWithTheTransformerRankersScores() throws Exception {
        List<String> piano = searchIds("calm piano", Set.of("piano"), 20);
        List<String> some = capped(piano, 6);
        OpenAiStub.script(
                server,
                OpenAiStub.toolCalls(
                        ToolCall.of("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")))),
                OpenAiStub.toolCalls(ToolCall.of("rank_candidates", Map.of("track_ids", some, "query", "calm piano"))),
                OpenAiStub.answer(OpenAiStub.selection("Calm Piano", capped(piano, 20), Map.of())));
        JsonPath p = Api.createTraced("{\"prompt\":\"calm piano\"}");

        assertEquals("llm", p.getString("planner"));
        assertTrue(p.getList("trace.toolCalls.name").contains("rank_candidates"));
        JsonNode messages = sentRequests().get(2).get("messages");
        JsonNode result = null;
        for (JsonNode m : messages) {
            if ("tool".equals(m.path("role").asText())) {
                result = JSON.readTree(m.path("content").asText());
            }
        }
        assertEquals(some.size(), result.size(), String.valueOf(result));
        // The transformer scales a request's scores to 0..1 with the best at 1; the foundation scorer's top is lower.
        assertEquals(1.0, result.get(0).path("score").asDouble(), 1e-9, String.valueOf(result));
        assertTrue(some.contains(result.get(0).path("id").asText()));
    }

    @Test
    void aRefusalIsA422() {
        OpenAiStub.script(server, OpenAiStub.answer("{\"refusal\": \"This asks for a tax return, not music.\"}"));
        Api.post("/api/playlists", "{\"prompt\":\"file my tax return\"}")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("tax return, not music"));
    }

    @Test
    void promptVersionsAreValidatedAndOfflineStillSelectable() {
        Api.post("/api/playlists", "{\"prompt\":\"jazz\",\"options\":{\"promptVersion\":\"v9\"}}")
                .statusCode(400)
                .body("detail", Matchers.containsString("no agent prompt v9"));
        OpenAiStub.script(server, OpenAiStub.status(500));
        JsonPath offline = Api.createTraced("{\"prompt\":\"jazz\",\"options\":{\"planner\":\"offline\"}}");
        assertEquals("offline", offline.getString("planner"));
        assertEquals(
                0, server.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size(), "offline never calls the LLM");
    }

    @Test
    void theApiKeyNeverReachesTheLogs() throws Exception {
        OpenAiStub.script(server, OpenAiStub.status(401));
        Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        Path log = Path.of("target", "llm-test.log");
        assertTrue(Files.exists(log));
        String text = Files.readString(log);
        assertTrue(text.contains("falling back to the offline planner"), "the fallback is logged");
        assertFalse(text.contains(WireMockLlm.API_KEY), "the key is never logged");
        assertFalse(text.contains(PROMPT), "prompts are not logged");
    }
}
