package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Opens a {@link SearchIndex} whose store may not answer yet (a server down at start): the first try at once, on the
 * caller's thread; while it fails, another try every {@code every} in the background until one succeeds, logging each
 * distinct problem once. A SmallRye Fault Tolerance retry does the waiting and the trying again: the guarded action is
 * asynchronous (a {@link CompletionStage}) and is not offloaded, so the first try runs on this thread and the later
 * ones on Fault Tolerance's executor, each after the delay.
 */
final class IndexOpener {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final TypeLiteral<CompletionStage<Void>> OPENING = new TypeLiteral<>() {};

    private final SearchIndex index;
    private final TextEmbedder embedder;
    private final ProgressBar progress;
    private final Duration every;
    private final AtomicInteger tries = new AtomicInteger();

    private IndexOpener(SearchIndex index, TextEmbedder embedder, ProgressBar progress, Duration every) {
        this.index = index;
        this.embedder = embedder;
        this.progress = progress;
        this.every = every;
    }

    /**
     * Opens the index now if the store answers; otherwise leaves it not ready, with the reason, and keeps trying. A
     * first failure that is not the store being unavailable (a bug, a broken embedder) is thrown here, as
     * {@link SearchIndex#open} would.
     */
    static void open(SearchIndex index, TextEmbedder embedder, ProgressBar progress, Duration every)
            throws IOException {
        IndexOpener opener = new IndexOpener(index, embedder, progress, every);
        CompletableFuture<Void> opening =
                opener.retrying().get(opener::tryOpen, OPENING).toCompletableFuture();
        if (opening.state() == Future.State.FAILED) {
            switch (opening.exceptionNow()) {
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable e -> throw new IllegalStateException("opening the catalog index failed", e);
            }
        }
    }

    private Guard retrying() {
        return Guard.create()
                .withDescription("open the catalog index")
                .withRetry()
                .maxRetries(-1) // until it opens
                .maxDuration(0, ChronoUnit.MILLIS) // however long that takes
                .delay(every.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(this::worthRetrying)
                .done()
                .build();
    }

    /** The store could not answer; and once the index waits for it, any failure is logged and tried again. */
    private boolean worthRetrying(Throwable failure) {
        return VectorStoreUnavailable.in(failure) != null || tries.get() > 1;
    }

    private CompletionStage<Void> tryOpen() {
        boolean first = tries.incrementAndGet() == 1;
        try {
            index.fill(embedder, first ? progress : ProgressBar.console("catalog"));
        } catch (VectorStoreUnavailable e) {
            unavailable(e.getMessage(), first);
            return CompletableFuture.failedStage(e);
        } catch (Exception e) {
            if (!first) {
                index.notReady(e.getMessage());
                LOG.errorf(e, "opening the catalog index failed");
            }
            return CompletableFuture.failedStage(e);
        }
        if (!first) {
            LOG.infof(
                    "the catalog index is ready (%s, %s in %.2f s)",
                    index.backend().name(), index.rebuilt() ? "built" : "opened", index.openSeconds());
        }
        return CompletableFuture.completedStage(null);
    }

    private void unavailable(String problem, boolean first) {
        if (first) {
            LOG.warnf("the catalog index is not ready: %s; retrying every %.1f s", problem, every.toMillis() / 1000.0);
        } else if (!problem.equals(index.problem())) {
            LOG.warnf("the catalog index is still not ready: %s", problem);
        }
        index.notReady(problem);
    }
}
