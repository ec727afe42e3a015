package dev.segue.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.segue.catalog.ProgressBar;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sentence embeddings in-process: all-MiniLM-L6-v2 (quantized ONNX, shipped inside a Maven Central jar) run by ONNX
 * Runtime. Vectors are unit length, so a dot product is the cosine. Short texts (prompts, tag names) are cached.
 */
@ApplicationScoped
public class TextEmbedder implements AutoCloseable {

    /** Changes when vectors would change; part of the index fingerprint. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q@langchain4j-embeddings-1.19.0-beta29";

    public static final int DIMENSION = 384;

    private static final int CACHE_SIZE = 20_000;
    private static final int CACHEABLE_LENGTH = 512;

    private final Cache<String, float[]> cache =
            Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    private ExecutorService pool;
    private EmbeddingModel model;

    /** The container's constructor, also run for its client proxy: so the model is loaded in {@link #load}. */
    TextEmbedder() {}

    /** A loaded embedder outside the container (tests). */
    public static TextEmbedder open() {
        TextEmbedder embedder = new TextEmbedder();
        embedder.load();
        return embedder;
    }

    @PostConstruct
    void load() {
        // A pool of its own, one thread per core: embedding is CPU-bound and must not hold Quarkus' worker threads.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "segue-embedder");
            thread.setDaemon(true);
            return thread;
        });
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
    }

    public float[] embed(String text) {
        if (text.length() > CACHEABLE_LENGTH) {
            return compute(text);
        }
        return cache.get(text, this::compute);
    }

    private float[] compute(String text) {
        return Vectors.normalize(model.embed(text).content().vector());
    }

    /** Embeds many texts in parallel batches, reporting progress. */
    public List<float[]> embedAll(List<String> texts, ProgressBar progress) {
        List<float[]> out = new ArrayList<>(texts.size());
        progress.total(texts.size());
        int batch = 256;
        for (int start = 0; start < texts.size(); start += batch) {
            List<TextSegment> segments = texts.subList(start, Math.min(texts.size(), start + batch)).stream()
                    .map(TextSegment::from)
                    .toList();
            model.embedAll(segments).content().forEach(e -> out.add(Vectors.normalize(e.vector())));
            progress.update(out.size(), "texts");
        }
        return out;
    }

    @Override
    @PreDestroy
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
