package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.api.Api;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays recorded provider answers against the agent: the service asks, WireMock answers with the next recording
 * (rewritten to Segue's tools), and the playlist shows what the agent made of them.
 */
abstract class ReplaySupport extends LlmTestSupport {

    static final Rewrite.Call SEARCH_PIANO =
            new Rewrite.Call("search_tracks", Map.of("query", "calm piano", "instruments", List.of("piano")));
    static final Rewrite.Call LIST_MOODS = new Rewrite.Call("list_tags", Map.of("category", "mood"));

    /** A recorded tool-call answer and a recorded final answer, as one exchange of the agent with a provider. */
    record Exchange(String name, Recorded toolCall, Recorded answer) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Answers the next calls with these, in order; the last answer repeats for any further call. */
    void script(ResponseDefinitionBuilder... answers) {
        server.resetAll();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "call-" + (i + 2);
            server.stubFor(post(anyUrl())
                    .inScenario("replay")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** The playlist the agent made from the exchange: its tool call ran, its selection leads the playlist. */
    JsonPath replay(Exchange exchange) {
        List<String> picks = capped(searchIds("calm piano", Set.of("piano"), 20), 12);
        script(
                exchange.toolCall().response(Rewrite.calling(SEARCH_PIANO, LIST_MOODS)),
                exchange.answer().response(Rewrite.answering(OpenAiStub.selection("Calm Piano", picks, Map.of()))));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"), exchange + ": notes " + p.getList("notes"));
        assertEquals("search_tracks", p.getString("trace.toolCalls[0].name"), exchange + ": the recorded call ran");
        assertEquals("calm piano", p.getString("trace.toolCalls[0].arguments.query"));
        List<String> ids = p.getList("tracks.id");
        assertEquals(picks, ids.subList(0, picks.size()), exchange + ": the recorded answer's selection leads");
        assertEquals("Calm Piano", p.getString("title"));
        List<String> notes = p.getList("notes");
        assertFalse(notes.toString().contains("usable selection"), exchange + ": " + notes);
        assertEquals(2, providerRequests().size(), exchange + ": one call for the tools, one for the answer");
        return p;
    }

    List<LoggedRequest> providerRequests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    static void assertNoted(JsonPath p, String words) {
        List<String> notes = p.getList("notes");
        assertTrue(notes.stream().anyMatch(n -> n.contains(words)), "a note says \"" + words + "\": " + notes);
    }
}
