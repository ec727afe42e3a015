package dev.segue.api;

import dev.segue.agent.LlmStats;
import dev.segue.playlist.Playlist;
import dev.segue.search.SearchIndex;
import dev.segue.trace.Trace;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;

/**
 * Segue's own metrics at /q/metrics, beside the HTTP ones Quarkus records per endpoint: playlists by planner, time
 * per step (parse, retrieve, rank, assemble, explain), tool calls by tool, LLM calls/tokens/errors/fallbacks, and
 * the index size.
 */
@ApplicationScoped
public class Metrics {

    private final MeterRegistry registry;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The index size and the LLM counters, registered once the index is open (when serving). */
    public void register(SearchIndex index, LlmStats llm) {
        Gauge.builder("segue.index.tracks", index, i -> i.store().count())
                .description("tracks in the vector store")
                .register(registry);
        Map<String, Long> names = llm.snapshot();
        for (String name : names.keySet()) {
            FunctionCounter.builder("segue.llm." + name, llm, s -> s.snapshot().getOrDefault(name, 0L))
                    .description("LLM planner: " + name + " since start")
                    .register(registry);
        }
    }

    /** Every new playlist version (fired by the playlist service): counts by planner, step timings, tool calls. */
    void record(@Observes Playlist p) {
        String operation = p.version() == 1 ? "create" : "change";
        registry.counter("segue.playlists", "planner", p.planner(), "operation", operation)
                .increment();
        Trace trace = p.trace();
        if (trace == null) {
            return;
        }
        for (Trace.Step step : trace.steps()) {
            registry.timer("segue.step", "step", step.name()).record(Duration.ofNanos((long) (step.ms() * 1e6)));
        }
        for (Trace.ToolCall call : trace.toolCalls()) {
            registry.counter("segue.tool.calls", "tool", call.name(), "outcome", call.error() == null ? "ok" : "error")
                    .increment();
        }
    }
}
