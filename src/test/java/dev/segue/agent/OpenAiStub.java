package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Scripted OpenAI chat-completions answers for WireMock, built from the recorded response shapes in
 * src/test/resources/llm/: each call to /v1/chat/completions gets the next answer of the script.
 */
final class OpenAiStub {

    static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    record ToolCall(String name, String arguments) {
        static ToolCall of(String name, Map<String, Object> arguments) {
            try {
                return new ToolCall(name, JSON.writeValueAsString(arguments));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private OpenAiStub() {}

    static ResponseDefinitionBuilder toolCalls(ToolCall... calls) {
        ObjectNode body = template("llm/tool-calls.json");
        ArrayNode toolCalls = (ArrayNode) body.at("/choices/0/message/tool_calls");
        int n = 0;
        for (ToolCall call : calls) {
            ObjectNode c = toolCalls.addObject();
            c.put("id", "call_" + (++n));
            c.put("type", "function");
            c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return json(body);
    }

    static ResponseDefinitionBuilder answer(String content) {
        ObjectNode body = template("llm/final.json");
        ((ObjectNode) body.at("/choices/0/message")).put("content", content);
        return json(body);
    }

    static String selection(String title, List<String> ids, Map<String, String> reasons) {
        ObjectNode out = JSON.createObjectNode();
        out.put("title", title);
        out.put("description", "A scripted selection for tests.");
        ArrayNode tracks = out.putArray("tracks");
        for (String id : ids) {
            tracks.addObject().put("id", id).put("reason", reasons.getOrDefault(id, "Fits the request by its tags."));
        }
        return out.toString();
    }

    /** Answers the next calls in this order; the last answer repeats for any further call. */
    static void script(WireMockServer server, ResponseDefinitionBuilder... answers) {
        server.resetAll();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "call-" + (i + 2);
            server.stubFor(post(urlEqualTo(PATH))
                    .inScenario("script")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
    }

    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    private static ObjectNode template(String resource) {
        try (InputStream in = OpenAiStub.class.getClassLoader().getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
