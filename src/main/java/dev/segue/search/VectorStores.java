package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.config.SegueConfig;
import dev.segue.config.SegueConfig.VectorStoreKind;
import dev.segue.embedding.TextEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Opens vector stores: the embedded Lucene index under a data dir, or the Qdrant collection of segue.qdrant.*. */
@ApplicationScoped
public class VectorStores {

    private static final Logger LOG = Logger.getLogger(VectorStores.class);

    private final SegueConfig config;

    VectorStores(SegueConfig config) {
        this.config = config;
    }

    public VectorStore open(VectorStoreKind kind, Path dataDir) throws IOException {
        return switch (kind) {
            case EMBEDDED -> embedded(dataDir);
            case QDRANT -> qdrant();
        };
    }

    public LuceneVectorStore embedded(Path dataDir) throws IOException {
        return new LuceneVectorStore(dataDir.resolve("index"));
    }

    public QdrantVectorStore qdrant() {
        SegueConfig.Qdrant settings = config.qdrant();
        QdrantCollection definition = QdrantCollection.load(
                settings.definition().filter(d -> !d.isBlank()).orElse(null));
        return new QdrantVectorStore(settings, definition, TextEmbedder.DIMENSION);
    }

    /**
     * The store the service searches (segue.vector-store). With Qdrant and segue.qdrant.fallback-to-embedded, the
     * embedded index of the same catalog answers when Qdrant cannot, if the data dir holds one.
     */
    VectorStore serving(Catalog catalog) throws IOException {
        Path dataDir = Path.of(config.dataDir());
        if (config.vectorStore() == VectorStoreKind.EMBEDDED) {
            return embedded(dataDir);
        }
        QdrantVectorStore qdrant = qdrant();
        LOG.infof(
                "vector store: Qdrant at %s, collection %s",
                config.qdrant().endpoint(), config.qdrant().collection());
        if (!config.qdrant().fallbackToEmbedded()) {
            return qdrant;
        }
        LuceneVectorStore embedded = embedded(dataDir);
        if (embedded.fingerprint().equals(Optional.of(SearchIndex.fingerprint(catalog)))) {
            LOG.infof("fallback: the embedded index in %s answers when Qdrant cannot", dataDir);
            return new FallbackVectorStore(qdrant, embedded);
        }
        embedded.close();
        LOG.warnf(
                "segue.qdrant.fallback-to-embedded is on, but %s holds no index of this catalog"
                        + " (build one with ./segue ingest): no fallback",
                dataDir);
        return qdrant;
    }
}
