package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Qdrant behind the {@link VectorStore} port, through the official Java client (gRPC). One point per track (see
 * {@link QdrantPoints}); the collection is created from its definition and checked ({@link QdrantCollectionAdmin}),
 * loaded resumably ({@link QdrantLoader}) and searched ({@link QdrantSearch}). Every call runs under SmallRye Fault
 * Tolerance ({@link QdrantCalls}): failures surface as {@link VectorStoreUnavailable}, never as a hang.
 */
public final class QdrantVectorStore implements VectorStore {

    private final SegueConfig.Qdrant settings;
    private final QdrantClient client;
    private final QdrantCollectionAdmin collection;
    private final QdrantSearch search;
    private final QdrantLoader loader;

    /** Connects lazily: nothing is sent until the first call. */
    public QdrantVectorStore(SegueConfig.Qdrant settings, QdrantCollection definition, int dimension) {
        this(settings, definition, dimension, grpc(settings));
    }

    private static QdrantGrpcClient grpc(SegueConfig.Qdrant settings) {
        // No version check at build: it would call the server now; readiness reports what the server says instead.
        QdrantGrpcClient.Builder b = QdrantGrpcClient.newBuilder(
                        settings.host(), settings.port(), settings.useTls(), false)
                .withTimeout(settings.callTimeout());
        settings.apiKey().filter(k -> !k.isBlank()).ifPresent(b::withApiKey);
        return b.build();
    }

    QdrantVectorStore(SegueConfig.Qdrant settings, QdrantCollection definition, int dimension, QdrantGrpcClient grpc) {
        if (definition.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "the Qdrant collection definition has vectors." + QdrantCollection.DENSE + ".size "
                            + definition.dimension() + ", but the embedding model makes " + dimension + "-dim vectors");
        }
        this.settings = settings;
        this.client = new QdrantClient(grpc);
        QdrantCalls calls = new QdrantCalls(settings, grpc.channel());
        this.collection = new QdrantCollectionAdmin(settings, definition, dimension, client, calls);
        this.search = new QdrantSearch(settings, client, calls);
        this.loader = new QdrantLoader(settings, client, calls, collection, search);
    }

    @Override
    public String name() {
        return "qdrant";
    }

    public SegueConfig.Qdrant settings() {
        return settings;
    }

    @Override
    public Optional<String> fingerprint() {
        return collection.fingerprint();
    }

    @Override
    public void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) {
        loader.replaceAll(tracks, vectors, fingerprint, progress);
    }

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        return search.nearest(query, filter, k);
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        return search.lexical(text, filter, k);
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) {
        search.readVectors(sink);
    }

    /** Points in the collection; the last count Qdrant reported when it cannot be asked (health and info pages). */
    @Override
    public int count() {
        return collection.count();
    }

    /** For readiness: reachable, the collection usable and loaded; one call, no retries, never throws. */
    public Health health() {
        return collection.health();
    }

    public record Health(boolean up, String message, long points, String collectionStatus) {}

    @Override
    public void close() {
        client.close();
    }
}
