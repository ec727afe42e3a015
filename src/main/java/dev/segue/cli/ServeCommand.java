package dev.segue.cli;

import dev.segue.agent.LlmStats;
import dev.segue.agent.Planners;
import dev.segue.api.Metrics;
import dev.segue.embedding.TextEmbedder;
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
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;

/** {@code segue serve}: the HTTP API and the web page, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the API and the web page (the default).")
public class ServeCommand implements Runnable {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    private static final int WARM_UP_BEFORE_SERVING = 100_000;
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
            Instance<TextEmbedder> embedder,
            Instance<Planners> planners,
            Instance<Metrics> metrics,
            Instance<LlmStats> llm) {
        if (!SegueCommand.serves(args)) {
            return;
        }
        // The embedding model loads on the other core while the catalog index opens (4 s at a million tracks).
        CompletableFuture<float[]> embedding =
                CompletableFuture.supplyAsync(() -> embedder.get().embed(WARM_UP_PROMPT));
        SearchIndex opened = index.get();
        ranker.get(); // loads the model (or warns that it cannot) now, not on the first request
        next.get().warm(); // the sequence model's items of every catalog track (or its warning)
        embedding.join();
        // Says which planner answers, and fails now if the LLM's configuration cannot work.
        planners.get();
        // One offline plan warms the prompt reader and retrieval (the first listener's request took about 1.2 s longer
        // without it): before serving on a catalog the size of the demo's (0.3 s), beside the first requests on a
        // large one (seconds at a million tracks, spent reading the index from disk).
        Runnable warmUp = () -> planners.get().offline().plan(PlanRequest.forPrompt(WARM_UP_PROMPT), new Trace());
        if (opened.catalog().size() <= WARM_UP_BEFORE_SERVING) {
            warmUp.run();
        } else {
            Thread.ofPlatform().daemon().name("segue-warm-up").start(() -> {
                try {
                    warmUp.run();
                } catch (RuntimeException e) {
                    LOG.warnf("the warm-up plan failed: %s", e.getMessage());
                }
            });
        }
        metrics.get().register(opened, llm.get());
    }
}
