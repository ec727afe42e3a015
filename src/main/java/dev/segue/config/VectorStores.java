package dev.segue.config;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.FallbackVectorStore;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.QdrantCollection;
import dev.segue.search.QdrantSettings;
import dev.segue.search.QdrantVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.VectorStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Opens the catalog's index on the configured vector store (segue.vector-store). */
final class VectorStores {

    private static final Logger LOG = Logger.getLogger(VectorStores.class);

    private VectorStores() {}

    static SearchIndex open(SegueConfig config, Catalog catalog, TextEmbedder embedder, ProgressBar progress)
            throws IOException {
        Path embeddedDir = Path.of(config.dataDir(), "index");
        switch (config.vectorStore().toLowerCase(Locale.ROOT)) {
            case "embedded" -> {
                return SearchIndex.open(catalog, new LuceneVectorStore(embeddedDir), embedder, progress);
            }
            case "qdrant" -> {
                QdrantSettings settings = settings(config.qdrant());
                QdrantVectorStore qdrant = new QdrantVectorStore(
                        settings, QdrantCollection.load(settings.definition().orElse(null)), TextEmbedder.DIMENSION);
                LOG.infof("vector store: Qdrant at %s, collection %s", settings.endpoint(), settings.collection());
                VectorStore store = qdrant;
                if (config.qdrant().fallbackToEmbedded()) {
                    LuceneVectorStore embedded = new LuceneVectorStore(embeddedDir);
                    if (embedded.fingerprint().equals(Optional.of(SearchIndex.fingerprint(catalog)))) {
                        store = new FallbackVectorStore(qdrant, embedded);
                        LOG.infof("fallback: the embedded index at %s answers when Qdrant cannot", embeddedDir);
                    } else {
                        embedded.close();
                        LOG.warnf(
                                "segue.qdrant.fallback-to-embedded is on, but %s holds no index of this catalog"
                                        + " (build one with ./segue ingest): no fallback",
                                embeddedDir);
                    }
                }
                return SearchIndex.openWhenAvailable(catalog, store, embedder, progress, Duration.ofSeconds(5));
            }
            default ->
                throw new IllegalArgumentException(
                        "segue.vector-store must be embedded or qdrant (got \"" + config.vectorStore() + "\")");
        }
    }

    static QdrantSettings settings(SegueConfig.Qdrant q) {
        return new QdrantSettings(
                q.host(),
                q.port(),
                q.apiKey().filter(k -> !k.isBlank()),
                q.useTls(),
                q.collection(),
                q.callTimeout(),
                q.writeTimeout(),
                q.maxRetries(),
                q.retryBaseDelay(),
                q.retryMaxDelay(),
                q.circuitBreakerVolume(),
                q.circuitBreakerDelay(),
                q.batchSize(),
                q.cluster(),
                q.definition().filter(d -> !d.isBlank()));
    }
}
