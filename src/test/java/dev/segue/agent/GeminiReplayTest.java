package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.Recorded.Dialect;
import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Gemini's API, streamed (streamGenerateContent as SSE): a recorded function call with a thought signature and a
 * recorded text stream; and two ways Gemini says a quota is used up (a retry delay longer than we can wait, and
 * RESOURCE_EXHAUSTED with no retry delay at all): no retry, the LLM pauses, and the note says so.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestProfile(ReplayProfile.GeminiStreamed.class)
class GeminiReplayTest extends ReplaySupport {

    @Test
    @Order(1)
    void aRecordedStreamIsUnderstood() {
        replay(new Exchange(
                "gemini stream",
                Recorded.of(Dialect.GEMINI, "gemini/google-tool-call.chunks.txt"),
                Recorded.of(Dialect.GEMINI, "gemini/google-text.chunks.txt")));
        for (LoggedRequest request : providerRequests()) {
            assertEquals("/v1beta/models/test-model:streamGenerateContent?alt=sse", request.getUrl());
        }
    }

    @Test
    void aRetryDelayLongerThanWeCanWaitPausesTheLlm() throws Exception {
        quotaUsedUp("gemini/google-429-retry-info.json", "You exceeded your current quota");
    }

    @Test
    void resourceExhaustedWithoutARetryDelayPausesTheLlm() throws Exception {
        quotaUsedUp("gemini/resource-exhausted.json", "Resource has been exhausted");
    }

    private void quotaUsedUp(String file, String providerWords) throws InterruptedException {
        script(Recorded.error(Dialect.GEMINI, file, 429, Map.of()).response(Rewrite.NOTHING));
        JsonPath first = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", first.getString("planner"));
        assertNoted(first, "quota is used up");
        assertNoted(first, providerWords);
        assertEquals(1, providerRequests().size(), "a used-up quota is not retried");

        JsonPath second = Api.createTraced("{\"prompt\":\"" + PROMPT + "\"}");
        assertEquals("offline", second.getString("planner"));
        assertNoted(second, "the LLM is paused until");
        assertEquals(1, providerRequests().size(), "while paused, the provider is not called");
        // the next tests find the LLM back
        Thread.sleep(ReplayProfile.GeminiStreamed.QUOTA_PAUSE.toMillis() + 300);
    }
}
