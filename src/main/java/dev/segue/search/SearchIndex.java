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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A catalog with its vectors in a {@link VectorStore}. Opening compares the store's fingerprint with the catalog's:
 * equal means open as is (no embedding at start); different or missing means embed every track and rebuild.
 * A store on a server may be unreachable at start: {@link #openWhenAvailable} then starts not ready and keeps trying.
 */
public final class SearchIndex {

    /** Bump when the stored document layout changes. */
    static final String SCHEMA = "lucene-doc-v2";

    private final Catalog catalog;
    private final VectorStore backend;
    private final VectorStore store;
    private final TrackVectors vectors;
    private volatile boolean ready;
    private volatile String problem;
    private volatile boolean rebuilt;
    private volatile double openSeconds;

    private SearchIndex(Catalog catalog, VectorStore backend) {
        this.catalog = catalog;
        this.backend = backend;
        this.store = new ReadyGate();
        this.vectors = TrackVectors.empty(catalog);
    }

    /** An embedded index opened (or just built) with its catalog: ready at once. */
    static SearchIndex opened(Catalog catalog, LuceneVectorStore store, boolean rebuilt, double seconds) {
        SearchIndex index = new SearchIndex(catalog, store);
        index.vectors.use(store.vectorsByPosition());
        index.rebuilt = rebuilt;
        index.openSeconds = seconds;
        index.ready = true;
        return index;
    }

    public static SearchIndex open(Catalog catalog, VectorStore store, TextEmbedder embedder, ProgressBar progress)
            throws IOException {
        SearchIndex index = new SearchIndex(catalog, store);
        index.fill(embedder, progress);
        return index;
    }

    /**
     * Opens now if the store can answer; otherwise returns an index that is not ready (searches answer
     * {@link VectorStoreUnavailable}, readiness is down with the reason) and retries in the background until it opens
     * (see {@link IndexOpener}).
     */
    public static SearchIndex openWhenAvailable(
            Catalog catalog, VectorStore store, TextEmbedder embedder, ProgressBar progress, Duration retryEvery)
            throws IOException {
        SearchIndex index = new SearchIndex(catalog, store);
        IndexOpener.open(index, embedder, progress, retryEvery);
        return index;
    }

    /** Embeds and stores the catalog unless the store holds it already, then loads every vector: the index is ready. */
    void fill(TextEmbedder embedder, ProgressBar progress) throws IOException {
        long start = System.nanoTime();
        String fingerprint = fingerprint(catalog);
        boolean built = false;
        if (!backend.fingerprint().map(fingerprint::equals).orElse(false)) {
            build(embedder, fingerprint, progress);
            built = true;
        }
        load();
        if (vectors.missing() > 0 && !built) {
            // The store does not hold every track (e.g. an interrupted load): rebuild rather than serve holes.
            build(embedder, fingerprint, progress);
            load();
            built = true;
        }
        rebuilt = built;
        openSeconds = (System.nanoTime() - start) / 1e9;
        problem = null;
        ready = true;
    }

    private void build(TextEmbedder embedder, String fingerprint, ProgressBar progress) throws IOException {
        List<String> texts = catalog.tracks().stream().map(TrackText::of).toList();
        ProgressBar embedding = progress.child("embedding tracks");
        List<float[]> embedded = embedder.embedAll(texts, embedding);
        embedding.done(String.format(Locale.ROOT, "%,d vectors", embedded.size()));
        backend.replaceAll(catalog.tracks(), embedded, fingerprint, progress.child("indexing"));
    }

    /** The embedded index serves vectors from its vector file; any other store's are read into memory. */
    private void load() throws IOException {
        if (backend instanceof LuceneVectorStore lucene) {
            vectors.use(lucene.vectorsByPosition());
            return;
        }
        float[][] byPosition = new float[catalog.size()][];
        backend.readVectors((id, vector) -> {
            int position = catalog.position(id);
            if (position >= 0) {
                byPosition[position] = vector;
            }
        });
        vectors.use(TrackVectors.onHeap(byPosition));
    }

    public static String fingerprint(Catalog catalog) {
        return fingerprint(catalog.checksum());
    }

    /** What an index of the catalog with this checksum is, as stored with it: the catalog, model, text and layout. */
    static String fingerprint(String catalogChecksum) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String key = catalogChecksum + "|" + TextEmbedder.MODEL_ID + "|" + TrackText.VERSION + "|" + SCHEMA;
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The store searches go through: it answers {@link VectorStoreUnavailable} until the index is ready. */
    public VectorStore store() {
        return store;
    }

    /** The store itself, for health and information pages. */
    public VectorStore backend() {
        return backend;
    }

    public boolean ready() {
        return ready;
    }

    /** Why the index is not ready, or null. */
    public String problem() {
        return problem;
    }

    void notReady(String problem) {
        this.problem = problem;
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

    /** Searches wait for the index to open: a half-loaded store must not answer as if it were complete. */
    private final class ReadyGate implements VectorStore {

        private void requireReady() {
            if (!ready) {
                throw new VectorStoreUnavailable("the catalog index is not ready: " + problem, 5, null);
            }
        }

        @Override
        public String name() {
            return backend.name();
        }

        @Override
        public Optional<String> fingerprint() {
            return backend.fingerprint();
        }

        @Override
        public void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress)
                throws IOException {
            backend.replaceAll(tracks, vectors, fingerprint, progress);
        }

        @Override
        public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
            requireReady();
            return backend.nearest(query, filter, k);
        }

        @Override
        public List<Hit> lexical(String text, SearchFilter filter, int k) {
            requireReady();
            return backend.lexical(text, filter, k);
        }

        @Override
        public void readVectors(BiConsumer<String, float[]> sink) throws IOException {
            backend.readVectors(sink);
        }

        @Override
        public int count() {
            return backend.count();
        }

        @Override
        public void close() throws IOException {
            backend.close();
        }
    }
}
