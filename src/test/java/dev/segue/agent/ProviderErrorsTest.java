package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.Recorded.Dialect;
import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors that mean what they say, with recorded error answers of OpenAI-compatible providers and a small circuit
 * breaker (4 calls): a 400 is the request's fault (no retry, the provider's words in the note, the breaker does not
 * count it), a used-up quota pauses the LLM without a retry, a rate limit is waited out for as long as the provider
 * asks in any of the ways it says so, and a base URL that does not lead to the API (Ollama's native shape, a 404
 * page) is one configuration message.
 */
@QuarkusTest
@TestProfile(ProviderErrorsTest.SmallBreaker.class)
class ProviderErrorsTest extends ReplaySupport {

    /** The OpenAI-compatible API streamed, with a breaker that opens after 3 failures in 4 calls, for 2 s. */
    public static class SmallBreaker extends ReplayProfile {
        public SmallBreaker() {
            super("openai", true, "/v1");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("segue.llm.max-retries", "2");
            overrides.put("segue.llm.circuit-breaker-volume", "4");
            overrides.put("segue.llm.circuit-breaker-delay", "2s");
            return overrides;
        }
    }

    private static final Recorded BAD_REQUEST =
            Recorded.error(Dialect.OPENAI, "openai/reasoning-model-legacy-parameter-error.json", 400, Map.of());
    private static final Recorded TOOL_USE_FAILED =
            Recorded.error(Dialect.OPENAI, "groq/groq-tool-use-failed.1.json", 400, Map.of());

    @Test
    void aBadRequestFallsBackAtOnceWithTheProvidersWords() {
        script(BAD_REQUEST.response(Rewrite.NOTHING));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        assertNoted(p, "the provider rejected the request (HTTP 400: Unsupported parameter: 'max_tokens'");
        assertEquals(1, providerRequests().size(), "a 400 is not retried");
    }

    @Test
    void badRequestsDoNotOpenTheBreaker() {
        for (int i = 0; i < 5; i++) {
            script(TOOL_USE_FAILED.response(Rewrite.NOTHING));
            JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
            assertEquals("offline", p.getString("planner"));
            assertNoted(p, "HTTP 400: Tool call validation failed");
        }
        JsonPath after = replay(new Exchange(
                "after five 400s",
                Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.1.sse"),
                Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.2.sse")));
        assertEquals("llm", after.getString("planner"), "the breaker is still closed");
    }

    @Test
    void aKeyEchoedInAnErrorNeverReachesTheNote() {
        script(OpenAiStub.status(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + WireMockLlm.API_KEY
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        assertNoted(p, "HTTP 401: Incorrect API key provided: [redacted]");
        assertFalse(p.prettify().contains(WireMockLlm.API_KEY), "the key is not in the answer");
        assertEquals(1, providerRequests().size());
    }

    @Test
    void anInsufficientQuotaPausesTheLlmWithoutARetry() throws InterruptedException {
        script(Recorded.error(Dialect.OPENAI, "openai/insufficient-quota.json", 429, Map.of())
                .response(Rewrite.NOTHING));
        JsonPath first = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", first.getString("planner"));
        assertNoted(first, "the provider's quota is used up (HTTP 429: You exceeded your current quota");
        assertTrue(readiness().contains("quota is used up"), readiness());
        JsonPath second = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertNoted(second, "the LLM is paused until");
        assertEquals(1, providerRequests().size(), "not retried, and not called while paused");
        Thread.sleep(2300); // the profile's pause is 2 s: the next tests find the LLM back
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"retry-after-ms, 1200", "x-ratelimit-reset-requests, 1.2s", "Retry-After, 2"})
    void aRateLimitIsWaitedOutForAsLongAsTheProviderSays(String header, String value) {
        List<String> picks = capped(searchIds("calm piano", Set.of("piano"), 20), 12);
        ResponseDefinitionBuilder limited = Recorded.error(
                        Dialect.OPENAI,
                        "openrouter/openrouter-errors-raised.1.json",
                        429,
                        Map.of(header, value, "x-ratelimit-remaining-requests", "0"))
                .response(Rewrite.NOTHING);
        script(
                limited,
                Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.1.sse")
                        .response(Rewrite.calling(SEARCH_PIANO)),
                Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.2.sse")
                        .response(Rewrite.answering(OpenAiStub.selection("Calm Piano", picks, Map.of()))));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"), String.valueOf(p.getList("notes")));
        List<LoggedRequest> sent = providerRequests();
        long waited = sent.get(1).getLoggedDate().getTime()
                - sent.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 1100, "waited " + waited + " ms for " + header + ": " + value);
    }

    @Test
    void ollamasNativeApiIsOneConfigurationMessageAndNoRetry() {
        script(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Recorded.of(Dialect.OPENAI, "ollama/api-chat-with-tools.json")
                        .text()));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        String port = String.valueOf(server.port());
        String message = "the LLM base URL http://localhost:" + port + "/v1 answers in Ollama's native API format"
                + " (/api/chat), not the OpenAI one; set segue.llm.base-url to the server's OpenAI-compatible"
                + " endpoint, e.g. http://localhost:" + port + "/v1";
        assertNoted(p, message);
        assertEquals(1, providerRequests().size(), "a configuration error is not retried");
        assertTrue(readiness().contains("degraded: " + message), readiness());
    }

    @Test
    void aBaseUrlWithoutTheApiIsOneConfigurationMessageAndNoRetry() {
        script(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("404 page not found")); // Ollama's answer to a path it does not serve
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", p.getString("planner"));
        String port = String.valueOf(server.port());
        String message = "the LLM base URL http://localhost:" + port + "/v1 has no chat endpoint (HTTP 404); set"
                + " segue.llm.base-url to the server's OpenAI-compatible endpoint, e.g. http://localhost:" + port
                + "/v1";
        assertNoted(p, message);
        assertEquals(1, providerRequests().size(), "a configuration error is not retried");
        assertTrue(readiness().contains("degraded: " + message), readiness());
    }

    private static String readiness() {
        return given().get("/q/health/ready").then().extract().asString();
    }
}
