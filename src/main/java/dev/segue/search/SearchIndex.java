package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A catalog with its vectors in a {@link VectorStore}. Opening compares the store's fingerprint with the catalog's:
 * equal means open as is (no embedding at start); different or missing means embed every track and rebuild.
 */
public final class SearchIndex {

    /** Bump when the stored document layout changes. */
    private static final String SCHEMA = "lucene-doc-v1";

    private final Catalog catalog;
    private final VectorStore store;
    private final TrackVectors vectors;
    private final boolean rebuilt;
    private final double openSeconds;

    private SearchIndex(Catalog catalog, VectorStore store, TrackVectors vectors, boolean rebuilt, double openSeconds) {
        this.catalog = catalog;
        this.store = store;
        this.vectors = vectors;
        this.rebuilt = rebuilt;
        this.openSeconds = openSeconds;
    }

    public static SearchIndex open(Catalog catalog, VectorStore store, TextEmbedder embedder, ProgressBar progress)
            throws IOException {
        long start = System.nanoTime();
        String fingerprint = fingerprint(catalog);
        boolean rebuilt = false;
        if (!store.fingerprint().map(fingerprint::equals).orElse(false)) {
            build(catalog, store, embedder, fingerprint, progress);
            rebuilt = true;
        }
        TrackVectors vectors = load(catalog, store);
        if (vectors.missing() > 0 && !rebuilt) {
            // The store does not hold every track (e.g. an interrupted load): rebuild rather than serve holes.
            build(catalog, store, embedder, fingerprint, progress);
            vectors = load(catalog, store);
            rebuilt = true;
        }
        return new SearchIndex(catalog, store, vectors, rebuilt, (System.nanoTime() - start) / 1e9);
    }

    private static void build(Catalog catalog, VectorStore store, TextEmbedder embedder, String fingerprint,
            ProgressBar progress) throws IOException {
        List<String> texts = catalog.tracks().stream().map(TrackText::of).toList();
        ProgressBar embedding = progress.child("embedding tracks");
        List<float[]> embedded = embedder.embedAll(texts, embedding);
        embedding.done(String.format(java.util.Locale.ROOT, "%,d vectors", embedded.size()));
        store.replaceAll(catalog.tracks(), embedded, fingerprint, progress.child("indexing"));
    }

    private static TrackVectors load(Catalog catalog, VectorStore store) throws IOException {
        float[][] byPosition = new float[catalog.size()][];
        store.readVectors((id, vector) -> {
            int position = catalog.position(id);
            if (position >= 0) {
                byPosition[position] = vector;
            }
        });
        return new TrackVectors(catalog, byPosition);
    }

    public static String fingerprint(Catalog catalog) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String key = catalog.checksum() + "|" + TextEmbedder.MODEL_ID + "|" + TrackText.VERSION + "|" + SCHEMA;
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public VectorStore store() {
        return store;
    }

    public TrackVectors vectors() {
        return vectors;
    }

    public float[] vector(Track track) {
        return vectors.of(track);
    }

    public boolean rebuilt() {
        return rebuilt;
    }

    public double openSeconds() {
        return openSeconds;
    }
}
