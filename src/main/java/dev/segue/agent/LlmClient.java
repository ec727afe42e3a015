package dev.segue.agent;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.segue.config.SegueConfig;
import dev.segue.trace.Trace;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The configured chat model behind SmallRye Fault Tolerance: a timeout per call, retries with jittered exponential
 * backoff (or the provider's Retry-After) on 429, 5xx, timeouts and unreachable servers, and a circuit breaker
 * that stops calling a provider that keeps failing. The model's own retries are off, so nothing retries twice.
 */
public final class LlmClient {

    /** One finished LLM call, for the trace and the counters. */
    public record Call(
            String model, double ms, Integer inputTokens, Integer outputTokens, String finishReason, String error) {}

    private final ChatModel guarded;
    private final String model;
    private final String provider;

    LlmClient(SegueConfig.Llm settings, String baseUrl, Consumer<Call> onCall) {
        this.model = settings.model();
        this.provider = settings.provider().name().toLowerCase(Locale.ROOT);
        Duration callTimeout = settings.callTimeout();
        ChatModel raw = build(settings, baseUrl, callTimeout, new Recorder(settings.model(), onCall));
        Guard guard = Guard.create()
                .withDescription("llm:" + provider + ":" + model)
                .withRetry()
                .maxRetries(settings.maxRetries())
                .whenException(LlmFailures::isTransient)
                .maxDuration(Math.max(1, callTimeout.toMillis() * (settings.maxRetries() + 2)), ChronoUnit.MILLIS)
                .withCustomBackoff()
                .strategy(() -> new RetryAfterBackoff(
                        settings.retryBaseDelay().toMillis(),
                        settings.retryMaxDelay().toMillis()))
                .done()
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.circuitBreakerVolume())
                .failureRatio(0.75)
                .delay(settings.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .done()
                .withTimeout()
                .duration(callTimeout.toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        this.guarded = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return guard.get(() -> raw.chat(request), ChatResponse.class);
            }

            @Override
            public ChatRequestParameters defaultRequestParameters() {
                return raw.defaultRequestParameters();
            }

            @Override
            public Set<Capability> supportedCapabilities() {
                return raw.supportedCapabilities();
            }
        };
    }

    public ChatModel chatModel() {
        return guarded;
    }

    public String description() {
        return provider + ":" + model;
    }

    /**
     * The provider's model with the settings all three take: the model, temperature and output limit as default
     * request parameters, our HTTP client, no retries of its own, and the recorder. LangChain4j's builders share
     * no type, so each case passes the shared values to its own setters.
     */
    private static ChatModel build(SegueConfig.Llm s, String baseUrl, Duration timeout, ChatModelListener listener) {
        String key = s.apiKey().filter(k -> !k.isBlank()).orElse(null);
        ChatRequestParameters defaults = ChatRequestParameters.builder()
                .modelName(s.model())
                .temperature(s.temperature())
                .maxOutputTokens(s.maxOutputTokens())
                .build();
        List<ChatModelListener> listeners = List.of(listener);
        ProviderHttpClient.Builder http = new ProviderHttpClient.Builder();
        return switch (s.provider()) {
            case ANTHROPIC ->
                AnthropicChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults)
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(http)
                        .listeners(listeners)
                        .build();
            case GEMINI ->
                GoogleAiGeminiChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .defaultRequestParameters(defaults)
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(http)
                        .listeners(listeners)
                        .build();
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(baseUrl)
                        // Local servers (Ollama, llama.cpp, vLLM) need no key, but the client insists on one.
                        .apiKey(key == null ? "not-needed" : key)
                        .defaultRequestParameters(defaults)
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(http)
                        .listeners(listeners)
                        .build();
        };
    }

    /**
     * LangChain4j's timeout: what the provider's HTTP client throws when the provider does not answer in time (the
     * guards' own timeout is fault tolerance's exception of the same simple name; {@link LlmFailures} checks both).
     */
    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException;
    }

    /** Times every call and reports it with its token counts (never its content: prompts are not logged). */
    private record Recorder(String model, Consumer<Call> onCall) implements ChatModelListener {
        private static final String START = "segue.start";

        @Override
        public void onRequest(ChatModelRequestContext context) {
            context.attributes().put(START, System.nanoTime());
        }

        @Override
        public void onResponse(ChatModelResponseContext context) {
            ChatResponse r = context.chatResponse();
            Integer in = r.tokenUsage() == null ? null : r.tokenUsage().inputTokenCount();
            Integer out = r.tokenUsage() == null ? null : r.tokenUsage().outputTokenCount();
            onCall.accept(new Call(
                    model,
                    ms(context.attributes()),
                    in,
                    out,
                    r.finishReason() == null ? null : r.finishReason().name().toLowerCase(Locale.ROOT),
                    null));
        }

        @Override
        public void onError(ChatModelErrorContext context) {
            Throwable e = context.error();
            String error = e.getClass().getSimpleName();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProviderHttpClient.ProviderHttpException http) {
                    error = "HTTP " + http.statusCode();
                }
            }
            onCall.accept(new Call(model, ms(context.attributes()), null, null, null, error));
        }

        private static double ms(Map<Object, Object> attributes) {
            Object start = attributes.get(START);
            return start instanceof Long s ? Trace.millisSince(s) : 0;
        }
    }
}
