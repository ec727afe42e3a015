package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.Recorded.Dialect;
import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's Messages API, streamed: a recorded tool_use stream (its input over input_json_delta events, a ping
 * between them) and a recorded text stream; an overloaded provider (529) is retried; a rate limit is waited out for
 * as long as anthropic-ratelimit-*-reset says.
 */
@QuarkusTest
@TestProfile(ReplayProfile.AnthropicStreamed.class)
class AnthropicReplayTest extends ReplaySupport {

    private static final Recorded TOOL_USE =
            Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-json-tool.1.chunks.txt");
    private static final Recorded TEXT = Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-text.chunks.txt");

    @Test
    void aRecordedStreamIsUnderstood() throws Exception {
        replay(new Exchange("anthropic stream", TOOL_USE, TEXT));
        for (LoggedRequest request : providerRequests()) {
            assertEquals("/v1/messages", request.getUrl());
            assertTrue(JSON.readTree(request.getBodyAsString()).path("stream").asBoolean());
            assertEquals(WireMockLlm.API_KEY, request.getHeader("x-api-key"));
        }
    }

    @Test
    void anOverloadedProviderIsRetried() {
        List<String> picks = capped(searchIds("calm piano", Set.of("piano"), 20), 12);
        script(
                Recorded.error(Dialect.ANTHROPIC, "anthropic/overloaded-error.json", 529, Map.of())
                        .response(Rewrite.NOTHING),
                TOOL_USE.response(Rewrite.calling(SEARCH_PIANO)),
                TEXT.response(Rewrite.answering(OpenAiStub.selection("Calm Piano", picks, Map.of()))));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"), String.valueOf(p.getList("notes")));
        assertEquals("HTTP 529", p.getString("trace.llmCalls[0].error"));
        assertEquals(3, providerRequests().size());
    }

    @Test
    void aRateLimitIsWaitedOutUntilAnthropicsReset() {
        List<String> picks = capped(searchIds("calm piano", Set.of("piano"), 20), 12);
        String reset = OffsetDateTime.now(ZoneOffset.UTC)
                .plusSeconds(1)
                .plusNanos(500_000_000)
                .toString();
        script(
                Recorded.error(
                                Dialect.ANTHROPIC,
                                "anthropic/rate-limit-error.json",
                                429,
                                Map.of(
                                        "anthropic-ratelimit-input-tokens-remaining",
                                        "0",
                                        "anthropic-ratelimit-input-tokens-reset",
                                        reset,
                                        "anthropic-ratelimit-requests-remaining",
                                        "49",
                                        "anthropic-ratelimit-requests-reset",
                                        OffsetDateTime.now().toString()))
                        .response(Rewrite.NOTHING),
                TOOL_USE.response(Rewrite.calling(SEARCH_PIANO)),
                TEXT.response(Rewrite.answering(OpenAiStub.selection("Calm Piano", picks, Map.of()))));
        JsonPath p = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("llm", p.getString("planner"), String.valueOf(p.getList("notes")));
        List<LoggedRequest> sent = providerRequests();
        long waited = sent.get(1).getLoggedDate().getTime()
                - sent.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 1000, "waited for the input-token limit's reset, not the requests': " + waited + " ms");
    }
}
