package dev.segue.agent;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.segue.config.SegueConfig;
import java.util.List;

/**
 * The configured provider's LangChain4j models, streaming and plain, with the settings all of them take: the model,
 * temperature and output limit as default request parameters, Segue's HTTP client ({@link ProviderHttpClient}), no
 * retries of their own (the guards retry), and the recorder. LangChain4j's builders share no type, so each case
 * passes the shared values to its own setters.
 */
final class ProviderModels {

    private ProviderModels() {}

    /** The model behind the agent: streamed unless segue.llm.stream is off, tolerant of the answers' variations. */
    static ChatModel of(SegueConfig.Llm s, String baseUrl, ChatModelListener listener) {
        ChatModel plain = plain(s, baseUrl, List.of(listener));
        StreamingChatModel streaming = streaming(s, baseUrl, List.of(listener));
        return new ToleratedAnswers(new StreamedChat(streaming, plain, s.stream()));
    }

    private static ChatModel plain(SegueConfig.Llm s, String baseUrl, List<ChatModelListener> listeners) {
        String key = key(s);
        return switch (s.provider()) {
            case ANTHROPIC ->
                AnthropicChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        .maxRetries(0)
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
            case GEMINI ->
                GoogleAiGeminiChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        .maxRetries(0)
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(openAiKey(key))
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        .maxRetries(0)
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
        };
    }

    private static StreamingChatModel streaming(SegueConfig.Llm s, String baseUrl, List<ChatModelListener> listeners) {
        String key = key(s);
        return switch (s.provider()) {
            case ANTHROPIC ->
                AnthropicStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
            case GEMINI ->
                GoogleAiGeminiStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
            case OPENAI ->
                OpenAiStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(openAiKey(key))
                        .defaultRequestParameters(defaults(s))
                        .timeout(s.callTimeout())
                        // the id of a streamed call is the last one sent, not all of them run together
                        .accumulateToolCallId(false)
                        .httpClientBuilder(http(s))
                        .listeners(listeners)
                        .build();
        };
    }

    private static ChatRequestParameters defaults(SegueConfig.Llm s) {
        return ChatRequestParameters.builder()
                .modelName(s.model())
                .temperature(s.temperature())
                .maxOutputTokens(s.maxOutputTokens())
                .build();
    }

    private static ProviderHttpClient.Builder http(SegueConfig.Llm s) {
        ProviderHttpClient.Shape shape = switch (s.provider()) {
            case ANTHROPIC -> ProviderHttpClient.Shape.ANTHROPIC;
            case GEMINI -> ProviderHttpClient.Shape.GEMINI;
            case OPENAI -> ProviderHttpClient.Shape.OPENAI;
        };
        return new ProviderHttpClient.Builder(shape, s.firstTokenTimeout(), s.retryMaxDelay());
    }

    private static String key(SegueConfig.Llm s) {
        return s.apiKey().filter(k -> !k.isBlank()).orElse(null);
    }

    /** Local servers (Ollama, llama.cpp, vLLM) need no key, but the OpenAI client insists on one. */
    private static String openAiKey(String key) {
        return key == null ? "not-needed" : key;
    }
}
