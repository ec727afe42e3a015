package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.agent.Recorded.Dialect;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Gemini's API, not streamed (generateContent): two recorded function-call exchanges from two model generations. */
@QuarkusTest
@TestProfile(ReplayProfile.GeminiPlain.class)
class GeminiAnswersTest extends ReplaySupport {

    @Test
    void aRecordedAnswerWithAThoughtSignatureIsUnderstood() {
        replay(new Exchange(
                "gemini 3",
                Recorded.of(Dialect.GEMINI, "gemini/google-tool-call.json"),
                Recorded.of(Dialect.GEMINI, "gemini/google-text.json")));
        assertEquals(
                "/v1beta/models/test-model:generateContent",
                providerRequests().get(0).getUrl());
    }

    @Test
    void aRecordedAnswerWithLogprobsIsUnderstood() {
        replay(new Exchange(
                "gemini 2.0",
                Recorded.of(Dialect.GEMINI, "gemini/gemini-multiple-agent-tool-calls.1.json"),
                Recorded.of(Dialect.GEMINI, "gemini/gemini-multiple-agent-tool-calls.2.json")));
    }
}
