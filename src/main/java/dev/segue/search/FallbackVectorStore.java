package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.trace.Trace;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Qdrant first, the embedded index of the same catalog when Qdrant cannot answer ({@code
 * segue.qdrant.fallback-to-embedded}). Each answer served from the embedded index is noted on the request's trace,
 * so the playlist says so. Loads go to Qdrant only.
 */
public final class FallbackVectorStore implements VectorStore {

    private final VectorStore primary;
    private final VectorStore fallback;
    private final AtomicLong fallbacks = new AtomicLong();

    public FallbackVectorStore(VectorStore primary, VectorStore fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    public VectorStore primary() {
        return primary;
    }

    /** Searches answered by the embedded index since start. */
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public String name() {
        return primary.name() + "+" + fallback.name();
    }

    @Override
    public Optional<String> fingerprint() {
        try {
            return primary.fingerprint();
        } catch (VectorStoreUnavailable e) {
            return fallback.fingerprint(); // start on the embedded index; searches keep trying Qdrant first
        }
    }

    @Override
    public void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress)
            throws IOException {
        primary.replaceAll(tracks, vectors, fingerprint, progress);
    }

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        try {
            return primary.nearest(query, filter, k);
        } catch (VectorStoreUnavailable e) {
            degraded(e);
            return fallback.nearest(query, filter, k);
        }
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        try {
            return primary.lexical(text, filter, k);
        } catch (VectorStoreUnavailable e) {
            degraded(e);
            return fallback.lexical(text, filter, k);
        }
    }

    private void degraded(VectorStoreUnavailable e) {
        fallbacks.incrementAndGet();
        Trace.warnCurrent("Qdrant could not answer, so these tracks come from the embedded index of the same catalog");
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) throws IOException {
        try {
            primary.readVectors(sink);
        } catch (VectorStoreUnavailable e) {
            fallback.readVectors(sink);
        }
    }

    @Override
    public int count() {
        return primary.count();
    }

    @Override
    public void close() throws IOException {
        try {
            primary.close();
        } finally {
            fallback.close();
        }
    }
}
