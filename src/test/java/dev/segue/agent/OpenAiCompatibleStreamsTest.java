package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.Recorded.Dialect;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streamed answers recorded from OpenAI-compatible providers, replayed against the agent: the recorded tool call
 * runs and the recorded final answer's selection becomes the playlist. Covers chunks without an index or a type
 * (Mistral), ids sent once or repeated empty (Qwen on DashScope), reasoning deltas (DeepSeek, xAI), extra fields
 * (x_groq, obfuscation, content_filter_results), a first chunk with no choices (Azure), keep-alive comments
 * (OpenRouter) and usage in a chunk of its own.
 */
@QuarkusTest
@TestProfile(ReplayProfile.OpenAiStreamed.class)
class OpenAiCompatibleStreamsTest extends ReplaySupport {

    static Stream<Exchange> exchanges() {
        Recorded openAiCall = Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.1.sse");
        return Stream.of(
                new Exchange("openai", openAiCall, Recorded.of(Dialect.OPENAI, "openai/openai-run-stream-sync.2.sse")),
                pair("mistral", "mistral/mistral-tool-call.chunks.txt", "mistral/mistral-text.chunks.txt"),
                pair("groq", "groq/groq-tool-call.chunks.txt", "groq/groq-text.chunks.txt"),
                pair("deepseek", "deepseek/deepseek-tool-call.chunks.txt", "deepseek/deepseek-text.chunks.txt"),
                pair("xai", "xai/xai-tool-call.chunks.txt", "xai/xai-text.chunks.txt"),
                pair("qwen-dashscope", "alibaba/alibaba-tool-call.chunks.txt", "alibaba/alibaba-text.chunks.txt"),
                new Exchange(
                        "azure (final answer)",
                        openAiCall,
                        Recorded.of(Dialect.OPENAI, "azure/azure-model-router.1.chunks.txt")),
                new Exchange(
                        "openrouter (final answer)",
                        openAiCall,
                        Recorded.of(Dialect.OPENAI, "openrouter/openrouter-stream-with-reasoning.1.sse")));
    }

    private static Exchange pair(String name, String toolCall, String answer) {
        return new Exchange(name, Recorded.of(Dialect.OPENAI, toolCall), Recorded.of(Dialect.OPENAI, answer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void aRecordedStreamIsUnderstood(Exchange exchange) throws Exception {
        replay(exchange);
        for (LoggedRequest request : providerRequests()) {
            assertTrue(JSON.readTree(request.getBodyAsString()).path("stream").asBoolean(), "asked for a stream");
            assertEquals("/v1/chat/completions", request.getUrl());
        }
    }
}
