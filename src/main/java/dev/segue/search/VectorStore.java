package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The port between retrieval and a vector engine: an embedded on-disk index by default, Qdrant for catalogs and
 * traffic beyond one machine. Both take the same {@link SearchFilter}, so results do not depend on the engine.
 */
public interface VectorStore extends AutoCloseable {

    /** A short name for health and the catalog endpoint, e.g. "embedded-lucene". */
    String name();

    /** The fingerprint stored with the content (catalog checksum, model, text version), or empty when none is usable. */
    Optional<String> fingerprint();

    /** Replaces all content with these tracks and their unit-length vectors, then records the fingerprint. */
    void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress)
            throws IOException;

    /** Nearest tracks to a unit-length query vector, by cosine, among those the filter allows. */
    List<Hit> nearest(float[] query, SearchFilter filter, int k);

    /** Best BM25 matches of free text over titles and artist names, among those the filter allows. */
    List<Hit> lexical(String text, SearchFilter filter, int k);

    /** Streams every stored (track id, vector) pair, so vectors are never recomputed at start. */
    void readVectors(BiConsumer<String, float[]> sink) throws IOException;

    int count();

    @Override
    void close() throws IOException;
}
