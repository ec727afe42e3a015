package dev.segue.config;

import dev.segue.agent.LlmStats;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistService;
import dev.segue.search.SearchIndex;
import dev.segue.trace.Trace;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Segue's own metrics at /q/metrics, beside the HTTP ones Quarkus records per endpoint: playlists by planner, time
 * per step (parse, retrieve, rank, assemble, explain), tool calls by tool, LLM calls/tokens/errors/fallbacks, and
 * the index size.
 */
@Startup
@ApplicationScoped
public class Metrics {

    @Inject
    MeterRegistry registry;

    @Inject
    PlaylistService playlists;

    @Inject
    SearchIndex index;

    @Inject
    LlmStats llm;

    @jakarta.annotation.PostConstruct
    void register() {
        Gauge.builder("segue.index.tracks", index, i -> i.store().count())
                .description("tracks in the vector store")
                .register(registry);
        Map<String, Long> names = llm.snapshot();
        for (String name : names.keySet()) {
            FunctionCounter.builder("segue.llm." + name, llm, s -> s.snapshot().getOrDefault(name, 0L))
                    .description("LLM planner: " + name + " since start")
                    .register(registry);
        }
        playlists.observe(this::record);
    }

    private void record(Playlist p) {
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
