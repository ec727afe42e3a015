package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.segue.agent.Recorded.Dialect;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole (not streamed) answers recorded from OpenAI-compatible providers and local servers, replayed against the
 * agent with segue.llm.stream off. Covers a tool call without "type" (Mistral), an empty id (Gemini's OpenAI
 * endpoint), no "content" beside tool calls (Groq, Cerebras), reasoning fields (Ollama, Groq, DeepSeek, xAI), extra
 * fields (x_groq, time_info, provider, native_finish_reason) and a tool call written as text after an empty think block, with
 * finish_reason "stop" (Qwen3 in LM Studio).
 */
@QuarkusTest
@TestProfile(ReplayProfile.OpenAiPlain.class)
class OpenAiCompatibleAnswersTest extends ReplaySupport {

    static Stream<Exchange> exchanges() {
        return Stream.of(
                pair(
                        "openai",
                        "openai/openai-multiple-agent-tool-calls.3.json",
                        "openai/openai-multiple-agent-tool-calls.4.json"),
                pair("mistral", "mistral/mistral-tool-call.json", "mistral/mistral-text.json"),
                pair("groq", "groq/groq-tool-use-failed.2.json", "groq/groq-text.json"),
                pair("deepseek", "deepseek/deepseek-tool-call.json", "deepseek/deepseek-text.json"),
                pair("xai", "xai/xai-tool-call.json", "xai/xai-text.json"),
                pair("qwen-dashscope", "alibaba/alibaba-tool-call.json", "alibaba/alibaba-text.json"),
                pair("cerebras", "cerebras/cerebras-qwen-3-coder.2.json", "cerebras/cerebras-qwen-3-coder.1.json"),
                pair("ollama", "ollama/ollama-cloud-tool-output.2.json", "ollama/ollama-cloud-tool-output.1.json"),
                pair(
                        "gemini-openai-endpoint",
                        "gemini-openai/gemini-openai-tool-calls-without-id.1.json",
                        "gemini-openai/gemini-openai-tool-calls-without-id.2.json"),
                pair("openrouter", "openrouter/openrouter-tool-calling.1.json", "openrouter/openrouter-usage.1.json"),
                pair(
                        "lmstudio call, openrouter answer",
                        "lmstudio/think-tool-call.choices.json",
                        "openrouter/openrouter-usage.1.json"));
    }

    private static Exchange pair(String name, String toolCall, String answer) {
        return new Exchange(name, Recorded.of(Dialect.OPENAI, toolCall), Recorded.of(Dialect.OPENAI, answer));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void aRecordedAnswerIsUnderstood(Exchange exchange) throws Exception {
        replay(exchange);
        for (LoggedRequest request : providerRequests()) {
            assertFalse(JSON.readTree(request.getBodyAsString()).path("stream").asBoolean(), "asked for no stream");
        }
    }
}
