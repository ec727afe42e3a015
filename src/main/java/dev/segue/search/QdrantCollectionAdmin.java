package dev.segue.search;

import static io.qdrant.client.ValueFactory.value;

import dev.segue.config.SegueConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.UpdateResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The collection itself: created from the {@link QdrantCollection} definition when missing (with the payload indexes
 * it lacks), checked against the vector settings Segue needs, and its metadata, where a load records its progress and
 * its fingerprint. It also answers how many points there are and whether the collection can serve (readiness).
 */
public final class QdrantCollectionAdmin {

    public static final String META_FINGERPRINT = "segue_fingerprint";
    public static final String META_LOADING = "segue_loading";
    public static final String META_LAYOUT = "segue_layout";
    public static final String META_COUNT = "segue_count";

    private static final Logger LOG = Logger.getLogger(QdrantCollectionAdmin.class);

    private final SegueConfig.Qdrant settings;
    private final QdrantCollection definition;
    private final int dimension;
    private final QdrantClient client;
    private final QdrantCalls calls;
    /** The last point count Qdrant reported: what health and info pages show while it cannot be asked. */
    private final AtomicLong lastCount = new AtomicLong(0);

    QdrantCollectionAdmin(
            SegueConfig.Qdrant settings,
            QdrantCollection definition,
            int dimension,
            QdrantClient client,
            QdrantCalls calls) {
        this.settings = settings;
        this.definition = definition;
        this.dimension = dimension;
        this.client = client;
        this.calls = calls;
    }

    /** The collection, created from the definition when missing; fails when it exists with other vector settings. */
    CollectionInfo ensure() {
        String name = settings.collection();
        boolean exists = calls.write(
                "check collection " + name,
                Boolean.class,
                () -> client.collectionExistsAsync(name, settings.writeTimeout()));
        if (!exists) {
            LOG.infof(
                    "Qdrant collection %s is missing at %s: creating it from the definition",
                    name, settings.endpoint());
            calls.write(
                    "create collection " + name,
                    CollectionOperationResponse.class,
                    () -> client.createCollectionAsync(
                            definition.createRequest(name, settings.cluster()), settings.writeTimeout()));
        }
        CollectionInfo info = info();
        mismatch(info).ifPresent(problem -> {
            throw new VectorStoreUnavailable(problem, settings.retryAfterSeconds(), null);
        });
        // Indexes the definition asks for and the collection lacks (new, or a creation cut short) are added.
        for (CreateFieldIndexCollection index : definition.indexRequests(name)) {
            if (!info.getPayloadSchemaMap().containsKey(index.getFieldName())) {
                calls.write(
                        "index " + index.getFieldName(),
                        UpdateResult.class,
                        () -> client.createPayloadIndexAsync(index, settings.writeTimeout()));
            }
        }
        return info;
    }

    private CollectionInfo info() {
        CollectionInfo info = calls.write(
                "read collection " + settings.collection(),
                CollectionInfo.class,
                () -> client.getCollectionInfoAsync(settings.collection(), settings.writeTimeout()));
        lastCount.set(info.getPointsCount());
        return info;
    }

    /** Why this collection cannot serve Segue (other vector size or distance, no sparse vector), if it cannot. */
    Optional<String> mismatch(CollectionInfo info) {
        String name = "Qdrant collection " + settings.collection();
        var vectors = info.getConfig().getParams().getVectorsConfig();
        VectorParams dense =
                vectors.hasParamsMap() ? vectors.getParamsMap().getMapMap().get(QdrantCollection.DENSE) : null;
        if (dense == null) {
            return Optional.of(name + " has no vector named \"" + QdrantCollection.DENSE + "\"; it was not created by"
                    + " Segue: delete it, or set segue.qdrant.collection to another name");
        }
        if (dense.getSize() != dimension || dense.getDistance() != definition.distance()) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%s has %d-dim %s vectors; Segue needs %d-dim %s vectors:"
                            + " delete it (it is recreated from the definition) or set segue.qdrant.collection to another name",
                    name,
                    dense.getSize(),
                    dense.getDistance(),
                    dimension,
                    definition.distance()));
        }
        SparseVectorParams sparse = info.getConfig()
                .getParams()
                .getSparseVectorsConfig()
                .getMapMap()
                .get(QdrantCollection.SPARSE);
        if (sparse == null || sparse.getModifier() != Modifier.Idf) {
            return Optional.of(name + " has no sparse vector \"" + QdrantCollection.SPARSE + "\" with the idf modifier"
                    + " (title and artist search); delete it or set segue.qdrant.collection to another name");
        }
        return Optional.empty();
    }

    /** A text value of the collection's metadata, "" when absent. */
    static String metadata(CollectionInfo info, String key) {
        return info.getConfig().getMetadataMap().getOrDefault(key, value("")).getStringValue();
    }

    void writeMetadata(Map<String, Value> values) {
        calls.write(
                "update collection metadata",
                CollectionOperationResponse.class,
                () -> client.updateCollectionAsync(
                        UpdateCollection.newBuilder()
                                .setCollectionName(settings.collection())
                                .putAllMetadata(values)
                                .build(),
                        settings.writeTimeout()));
    }

    /** The fingerprint of the last complete load with this point layout, if any. */
    Optional<String> fingerprint() {
        CollectionInfo info = ensure();
        String fingerprint = metadata(info, META_FINGERPRINT);
        boolean sameLayout = QdrantPoints.LAYOUT.equals(metadata(info, META_LAYOUT));
        return fingerprint.isEmpty() || !sameLayout ? Optional.empty() : Optional.of(fingerprint);
    }

    /** A load finished with this many points. */
    void loaded(long points) {
        lastCount.set(points);
    }

    /** Points in the collection; the last count Qdrant reported when it cannot be asked. */
    int count() {
        try {
            long n = calls.search(
                    "count points", Long.class, () -> client.countAsync(settings.collection(), null, true));
            lastCount.set(n);
        } catch (VectorStoreUnavailable e) {
            LOG.debugf("count: %s", e.getMessage());
        }
        return (int) Math.min(Integer.MAX_VALUE, lastCount.get());
    }

    /** Reachable, the collection usable and loaded: one call, no retries, never throws. */
    QdrantVectorStore.Health health() {
        try {
            CollectionInfo info =
                    calls.once(() -> client.getCollectionInfoAsync(settings.collection(), settings.callTimeout()));
            lastCount.set(info.getPointsCount());
            String status = info.getStatus().name().toLowerCase(Locale.ROOT);
            Optional<String> problem = mismatch(info);
            if (problem.isPresent()) {
                return new QdrantVectorStore.Health(false, problem.get(), info.getPointsCount(), status);
            }
            if (metadata(info, META_FINGERPRINT).isEmpty()) {
                return new QdrantVectorStore.Health(
                        false,
                        "Qdrant collection " + settings.collection() + " holds no complete load"
                                + " (a load is running or was interrupted)",
                        info.getPointsCount(),
                        status);
            }
            return new QdrantVectorStore.Health(true, "ok", info.getPointsCount(), status);
        } catch (Exception e) {
            return new QdrantVectorStore.Health(
                    false, calls.describe("read collection " + settings.collection(), e), lastCount.get(), "unknown");
        }
    }
}
