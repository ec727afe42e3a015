package dev.segue.cli;

import dev.segue.agent.LlmStats;
import dev.segue.agent.Planners;
import dev.segue.api.Metrics;
import dev.segue.planner.PlanRequest;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.SearchIndex;
import dev.segue.sequence.NextTracks;
import dev.segue.trace.Trace;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import picocli.CommandLine.Command;

/** {@code segue serve}: the HTTP API and the web page, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the API and the web page (the default).")
public class ServeCommand implements Runnable {

    private static final String WARM_UP_PROMPT = "calm piano music to help me focus while studying";

    @Override
    public void run() {
        Quarkus.waitForExit();
    }

    /**
     * What serving needs before its first request, done at start: the catalog index (built on the first start), the
     * ranker model, the sequence model, the planners and the metrics on them. Other commands open what they need themselves.
     */
    void prepare(
            @Observes StartupEvent event,
            @CommandLineArguments String[] args,
            Instance<SearchIndex> index,
            Instance<TransformerRanker> ranker,
            Instance<NextTracks> next,
            Instance<Planners> planners,
            Instance<Metrics> metrics,
            Instance<LlmStats> llm) {
        if (!SegueCommand.serves(args)) {
            return;
        }
        SearchIndex opened = index.get();
        ranker.get(); // loads the model (or warns that it cannot) now, not on the first request
        next.get().warm(); // the sequence model's items of every catalog track (or its warning)
        // Says which planner answers, and fails now if the LLM's configuration cannot work; one offline plan warms
        // the prompt reader and retrieval, which made the first listener's request take about 1.2 s longer.
        planners.get().offline().plan(PlanRequest.forPrompt(WARM_UP_PROMPT), new Trace());
        metrics.get().register(opened, llm.get());
    }
}
