package dev.segue.agent;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.segue.config.SegueConfig;
import dev.segue.trace.Trace;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The configured chat model ({@link ProviderModels}) behind SmallRye Fault Tolerance guards: a timeout per call,
 * retries with jittered exponential backoff (or the provider's own wait) on rate limits, server errors, call
 * timeouts and unreachable servers, and a circuit breaker that stops calling a provider that keeps failing. What is
 * about the request or the settings (a 400, a wrong base URL) is not retried and does not count as an outage; a
 * provider that sends nothing within the first-token deadline is not retried. A used-up quota opens a breaker of its
 * own at once: no call is made until it closes. The models' own retries are off, so nothing retries twice.
 */
public final class LlmClient {

    /** One finished LLM call, for the trace and the counters. */
    public record Call(
            String model, double ms, Integer inputTokens, Integer outputTokens, String finishReason, String error) {}

    /**
     * Where a call's outcome goes, chosen on the calling thread when the call starts: a streamed answer ends on
     * another thread.
     */
    interface CallListener {
        Consumer<Call> starting();
    }

    private final ChatModel guarded;
    private final String model;
    private final String provider;
    private final LlmHealth health;
    private final Duration pause;
    private volatile String quotaReason = "the provider's quota is used up";
    private volatile LocalTime pausedUntil = LocalTime.MIN;

    LlmClient(SegueConfig.Llm settings, String baseUrl, CallListener onCall, LlmHealth health) {
        this.model = settings.model();
        this.provider = settings.provider().name().toLowerCase(Locale.ROOT);
        this.health = health;
        this.pause = settings.circuitBreakerDelay();
        ChatModel raw = ProviderModels.of(settings, baseUrl, new Recorder(settings.model(), onCall));
        Guard calls = callGuard(settings, "llm:" + provider + ":" + model);
        Guard quota = Guard.create()
                .withDescription("llm-quota:" + provider + ":" + model)
                .withCircuitBreaker()
                .requestVolumeThreshold(1)
                .failureRatio(1.0)
                .delay(pause.toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .when(LlmFailures::isQuota)
                .done()
                .build();
        this.guarded = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return call(() ->
                        quota.get(() -> calls.get(() -> raw.chat(request), ChatResponse.class), ChatResponse.class));
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

    private static Guard callGuard(SegueConfig.Llm settings, String description) {
        Duration callTimeout = settings.callTimeout();
        return Guard.create()
                .withDescription(description)
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
                .when(LlmFailures::isOutage)
                .done()
                .withTimeout()
                .duration(callTimeout.toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
    }

    private interface GuardedCall {
        ChatResponse run() throws Exception;
    }

    /** Runs a guarded call, and keeps what it says about the settings and the quota for readiness and notes. */
    private ChatResponse call(GuardedCall guardedCall) {
        try {
            ChatResponse response = guardedCall.run();
            health.answered();
            return response;
        } catch (CircuitBreakerOpenException open) {
            if (open.getMessage() != null && open.getMessage().contains("llm-quota:")) {
                throw new QuotaPaused(quotaReason + "; the LLM is paused until " + pausedUntil + ", the offline"
                        + " planner answers meanwhile");
            }
            throw open;
        } catch (RuntimeException e) {
            noteProblem(e);
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void noteProblem(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderMisconfigured wrong) {
                health.misconfigured(wrong.getMessage());
            }
            if (t instanceof ProviderHttpException http && http.meaning() == ProviderHttpException.Meaning.QUOTA) {
                pausedUntil = LocalTime.now().plus(pause).truncatedTo(ChronoUnit.SECONDS);
                quotaReason = LlmFailures.describe(http);
                health.quotaUsedUp(quotaReason);
            }
        }
    }

    public ChatModel chatModel() {
        return guarded;
    }

    public String description() {
        return provider + ":" + model;
    }

    /**
     * LangChain4j's timeout: what the provider's HTTP client throws when the provider does not answer in time (the
     * guards' own timeout is fault tolerance's exception of the same simple name; {@link LlmFailures} checks both).
     */
    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException;
    }

    /** Times every call and reports it with its token counts (never its content: prompts are not logged). */
    private record Recorder(String model, CallListener listener) implements ChatModelListener {
        private static final String START = "segue.start";
        private static final String REPORT = "segue.report";

        @Override
        public void onRequest(ChatModelRequestContext context) {
            context.attributes().put(START, System.nanoTime());
            context.attributes().put(REPORT, listener.starting());
        }

        @Override
        public void onResponse(ChatModelResponseContext context) {
            ChatResponse r = context.chatResponse();
            Integer in = r.tokenUsage() == null ? null : r.tokenUsage().inputTokenCount();
            Integer out = r.tokenUsage() == null ? null : r.tokenUsage().outputTokenCount();
            report(
                    context.attributes(),
                    new Call(
                            model,
                            ms(context.attributes()),
                            in,
                            out,
                            r.finishReason() == null
                                    ? null
                                    : r.finishReason().name().toLowerCase(Locale.ROOT),
                            null));
        }

        @Override
        public void onError(ChatModelErrorContext context) {
            report(
                    context.attributes(),
                    new Call(model, ms(context.attributes()), null, null, null, LlmFailures.label(context.error())));
        }

        @SuppressWarnings("unchecked")
        private static void report(Map<Object, Object> attributes, Call call) {
            if (attributes.get(REPORT) instanceof Consumer<?> report) {
                ((Consumer<Call>) report).accept(call);
            }
        }

        private static double ms(Map<Object, Object> attributes) {
            Object start = attributes.get(START);
            return start instanceof Long s ? Trace.millisSince(s) : 0;
        }
    }
}
