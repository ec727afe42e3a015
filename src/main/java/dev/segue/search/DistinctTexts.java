package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Gives every distinct track text an ordinal, in order of first appearance, and embeds each once: tags-only texts
 * repeat (a third of a million-track catalog is distinct). Batches are embedded in the background while the catalog
 * is still being read, a few at a time (the reader waits rather than queue without bound), and written to the vector
 * file at their ordinal's place. Every few batches a checkpoint records which ordinals are on disk, so a build that
 * dies is resumed by the next one: ordinals are the same for the same file, and finished ones are not embedded again.
 */
final class DistinctTexts implements AutoCloseable {

    private static final int IN_FLIGHT = 4;

    /** Texts per batch, and batches between checkpoints. */
    record Batching(int size, int checkpointEvery) {
        static final Batching DEFAULT = new Batching(256, 16);
    }

    private final IndexLayout layout;
    private final Batching batching;
    private final Function<List<String>, List<float[]>> embed;
    private final VectorFile.Writer out;
    /** Ordinals finished by an interrupted build: read by the reading thread only. */
    private final BitSet resumedDone;
    /** Ordinals on disk: written by the embedding thread only. */
    private final BitSet done;

    private final Map<String, Integer> ordinals = new HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "segue-ingest-embedding");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final List<Future<?>> batches = new ArrayList<>();
    private final ProgressBar progress;
    private List<String> pendingTexts = new ArrayList<>();
    private List<Integer> pendingOrdinals = new ArrayList<>();
    private int submitted;
    private int embedded;
    private final int resumed;

    DistinctTexts(
            IndexLayout layout,
            int dimension,
            Function<List<String>, List<float[]>> embed,
            Batching batching,
            ProgressBar progress)
            throws IOException {
        this.layout = layout;
        this.batching = batching;
        this.embed = embed;
        this.progress = progress;
        this.resumedDone = Files.isRegularFile(layout.doneFile())
                ? BitSet.valueOf(Files.readAllBytes(layout.doneFile()))
                : new BitSet();
        this.done = (BitSet) resumedDone.clone();
        this.resumed = resumedDone.cardinality();
        this.out = new VectorFile.Writer(layout.vectorFile(), dimension);
    }

    /** Vectors a previous, interrupted build had finished and this one reuses. */
    int resumed() {
        return resumed;
    }

    /** The ordinal of this text's vector; a text seen for the first time is queued for embedding. */
    int ordinal(String text) throws IOException {
        Integer known = ordinals.get(text);
        if (known != null) {
            return known;
        }
        int ordinal = ordinals.size();
        ordinals.put(text, ordinal);
        if (!resumedDone.get(ordinal)) {
            pendingTexts.add(text);
            pendingOrdinals.add(ordinal);
            if (pendingTexts.size() == batching.size()) {
                submit();
            }
        }
        return ordinal;
    }

    int count() {
        return ordinals.size();
    }

    private void submit() throws IOException {
        List<String> texts = pendingTexts;
        List<Integer> at = pendingOrdinals;
        pendingTexts = new ArrayList<>(batching.size());
        pendingOrdinals = new ArrayList<>(batching.size());
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while embedding", e);
        }
        boolean checkpoint = ++submitted % batching.checkpointEvery() == 0;
        batches.add(worker.submit(() -> {
            try {
                embedBatch(texts, at, checkpoint);
            } finally {
                slots.release();
            }
        }));
        rethrowFailures();
    }

    private void embedBatch(List<String> texts, List<Integer> at, boolean checkpoint) {
        try {
            List<float[]> vectors = embed.apply(texts);
            for (int i = 0; i < vectors.size(); i++) {
                out.write(at.get(i), vectors.get(i));
                done.set(at.get(i));
            }
            embedded += vectors.size();
            progress.update(embedded + resumed, "vectors");
            if (checkpoint) {
                checkpoint();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On disk first, then the record that says so: a crash between the two only costs some re-embedding. */
    private void checkpoint() throws IOException {
        out.force();
        Path tmp = layout.doneFile().resolveSibling("vectors.done.tmp");
        Files.write(tmp, done.toByteArray());
        Files.move(tmp, layout.doneFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Embeds what is still queued and waits for every batch; the vector file then holds every ordinal. */
    void finish() throws IOException {
        if (!pendingTexts.isEmpty()) {
            submit();
        }
        for (Future<?> batch : batches) {
            await(batch);
        }
        worker.shutdown();
        checkpoint();
        out.truncate(count());
        if (done.nextClearBit(0) < count()) {
            throw new IllegalStateException("vector " + done.nextClearBit(0) + " was never embedded");
        }
        progress.done(String.format(
                Locale.ROOT,
                "%,d distinct texts (%,d embedded now, %,d from an interrupted build)",
                count(),
                embedded,
                resumed));
    }

    private void rethrowFailures() throws IOException {
        for (Future<?> batch : batches) {
            if (batch.isDone()) {
                await(batch);
            }
        }
        batches.removeIf(Future::isDone);
    }

    private static void await(Future<?> batch) throws IOException {
        try {
            batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException("embedding failed", e.getCause());
            }
        }
    }

    @Override
    public void close() throws IOException {
        worker.shutdownNow();
        out.close();
    }
}
