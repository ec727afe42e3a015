package dev.segue.pipeline;

import dev.segue.config.SegueConfig;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.QdrantCollection;
import dev.segue.search.QdrantVectorStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Qdrant collection a load writes to, as {@code segue.qdrant.*} settings: resolved once where the pipeline is
 * launched (options over SEGUE_QDRANT_* variables), carried to the workers, and read there through the service's
 * own config mapping, so defaults and meanings are the service's.
 */
final class QdrantTarget implements Serializable {

    private static final String ENV_PREFIX = "SEGUE_QDRANT_";

    private final HashMap<String, String> settings;

    QdrantTarget(Map<String, String> settings) {
        this.settings = new HashMap<>(settings);
    }

    /** SEGUE_QDRANT_* variables (as the service reads them), then the options given, which win. */
    static QdrantTarget of(CatalogLoadOptions options, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = name.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                values.put(key, value);
            }
        });
        putIfSet(values, "host", options.getQdrantHost());
        putIfSet(values, "port", options.getQdrantPort());
        putIfSet(values, "collection", options.getQdrantCollection());
        putIfSet(values, "batch-size", options.getQdrantBatchSize());
        return new QdrantTarget(values);
    }

    private static void putIfSet(Map<String, String> values, String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
    }

    SegueConfig.Qdrant settings() {
        Map<String, String> properties = new HashMap<>();
        settings.forEach((key, value) -> properties.put("segue.qdrant." + key, value));
        return new SmallRyeConfigBuilder()
                .withMapping(SegueConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "segue-pipeline", 500))
                .build()
                .getConfigMapping(SegueConfig.class)
                .qdrant();
    }

    /** The service's adapter: it creates the collection from its definition and checks an existing one. */
    QdrantVectorStore store() {
        SegueConfig.Qdrant qdrant = settings();
        QdrantCollection definition = QdrantCollection.load(qdrant.definition().orElse(null));
        return new QdrantVectorStore(qdrant, definition, TextEmbedder.DIMENSION);
    }

    /** A plain client for what the adapter does only for a whole catalog at once: batches, metadata, stale points. */
    QdrantClient client() {
        SegueConfig.Qdrant qdrant = settings();
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(
                        qdrant.host(), qdrant.port(), qdrant.useTls(), false)
                .withTimeout(qdrant.writeTimeout());
        qdrant.apiKey().filter(key -> !key.isBlank()).ifPresent(grpc::withApiKey);
        return new QdrantClient(grpc.build());
    }

    String describe() {
        SegueConfig.Qdrant qdrant = settings();
        return "collection " + qdrant.collection() + " at " + qdrant.endpoint();
    }
}
