package dev.segue.trace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one request did: every tool call (name, arguments, result count, time) and every step of the flow with its
 * time. Returned with a playlist on request and read by the evals; tools may be called from other threads. A trace
 * created while someone listens ({@link Progress}) tells them each tool call and LLM call as it happens.
 */
@JsonIgnoreProperties(value = "totalMs", allowGetters = true)
public final class Trace {

    public record ToolCall(String name, Map<String, Object> arguments, int resultCount, double ms, String error) {}

    public record Step(String name, double ms, String detail) {}

    /** One call to the LLM provider: latency, tokens, why it stopped, or the error it failed with. */
    public record LlmCall(
            String model, double ms, Integer inputTokens, Integer outputTokens, String finishReason, String error) {}

    private final List<ToolCall> toolCalls = Collections.synchronizedList(new ArrayList<>());
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<LlmCall> llmCalls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());
    /** The trace of the tool running on this thread, so a part deep inside a tool can say its answer was degraded. */
    private static final ThreadLocal<Trace> CURRENT = new ThreadLocal<>();

    private final Progress.Listener progress;

    public Trace() {
        this.progress = Progress.current();
    }

    /** A stored trace, read back. */
    @JsonCreator
    Trace(
            @JsonProperty("toolCalls") List<ToolCall> toolCalls,
            @JsonProperty("steps") List<Step> steps,
            @JsonProperty("llmCalls") List<LlmCall> llmCalls) {
        this.progress = Progress.NONE;
        if (llmCalls != null) {
            this.llmCalls.addAll(llmCalls);
        }
        if (toolCalls != null) {
            this.toolCalls.addAll(toolCalls);
        }
        if (steps != null) {
            this.steps.addAll(steps);
        }
    }

    /** Runs a tool, recording its arguments, how many results it returned and how long it took. */
    public <T> List<T> tool(String name, Map<String, Object> arguments, Supplier<List<T>> call) {
        long start = System.nanoTime();
        Trace outer = CURRENT.get();
        CURRENT.set(this);
        try {
            List<T> result = call.get();
            toolCalled(new ToolCall(name, arguments, result.size(), millisSince(start), null));
            return result;
        } catch (RuntimeException e) {
            toolCalled(new ToolCall(name, arguments, 0, millisSince(start), e.getMessage()));
            throw e;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private void toolCalled(ToolCall call) {
        toolCalls.add(call);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", call.name());
        data.put("arguments", call.arguments());
        data.put("results", call.resultCount());
        data.put("ms", call.ms());
        if (call.error() != null) {
            data.put("error", call.error());
        }
        progress.on(new Progress.Event("tool", data));
    }

    /** Tells whoever listens to this request's progress (nobody, mostly) what just happened. */
    public void progress(String name, Map<String, Object> data) {
        progress.on(new Progress.Event(name, data));
    }

    /** Notes on the running tool's trace (if any) that its answer is degraded, e.g. served by a fallback. */
    public static void warnCurrent(String warning) {
        Trace trace = CURRENT.get();
        if (trace != null) {
            trace.warnings.add(warning);
        }
    }

    /** Degradations noted while this request's tools ran, once each; the playlist repeats them in its notes. */
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    public <T> T step(String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        steps.add(new Step(name, millisSince(start), null));
        return result;
    }

    public void llmCall(
            String model, double ms, Integer inputTokens, Integer outputTokens, String finishReason, String error) {
        LlmCall call = new LlmCall(model, ms, inputTokens, outputTokens, finishReason, error);
        llmCalls.add(call);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call", llmCalls.size());
        data.put("ms", ms);
        data.put("inputTokens", inputTokens);
        data.put("outputTokens", outputTokens);
        data.put("finishReason", finishReason);
        data.put("error", error);
        data.values().removeIf(v -> v == null);
        progress.on(new Progress.Event("llm", data));
    }

    public void note(String name, double ms, String detail) {
        steps.add(new Step(name, ms, detail));
    }

    @JsonProperty
    public List<ToolCall> toolCalls() {
        synchronized (toolCalls) {
            return List.copyOf(toolCalls);
        }
    }

    @JsonProperty
    public List<LlmCall> llmCalls() {
        synchronized (llmCalls) {
            return List.copyOf(llmCalls);
        }
    }

    @JsonProperty
    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    @JsonProperty
    public double totalMs() {
        synchronized (steps) {
            return Math.round(steps.stream().mapToDouble(Step::ms).sum() * 100) / 100.0;
        }
    }

    public static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
