package dev.segue.search;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;

import com.google.common.util.concurrent.ListenableFuture;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorInputFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.smallrye.faulttolerance.api.Guard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Qdrant behind the {@link VectorStore} port, through the official Java client (gRPC). One point per track: its id is
 * a name-based UUID of the track id (so loading twice never duplicates), a dense vector "tags" (cosine), a sparse
 * vector "names" (BM25 over title and artist, see {@link Bm25Vectors}) and the payload the filters need.
 *
 * <p>The content fingerprint lives in the collection's metadata (Qdrant 1.16+), written last; a load marks itself in
 * the metadata first and stamps every point with its fingerprint, so an interrupted load is seen as incomplete and a
 * second run with the same content uploads only what is missing. Every call runs under SmallRye Fault Tolerance:
 * a deadline, retries with backoff on UNAVAILABLE / DEADLINE_EXCEEDED, and (for searches) a circuit breaker.
 * Failures surface as {@link VectorStoreUnavailable}, never as a hang.
 */
public final class QdrantVectorStore implements VectorStore {

    /** Bump when the point layout changes: a collection loaded with another layout is reloaded. */
    static final String LAYOUT = "segue-qdrant-v1";

    static final String META_FINGERPRINT = "segue_fingerprint";
    static final String META_LOADING = "segue_loading";
    static final String META_LAYOUT = "segue_layout";
    static final String META_COUNT = "segue_count";
    static final String FINGERPRINT = "fingerprint";
    private static final int SCROLL_PAGE = 500;
    private static final Logger LOG = Logger.getLogger(QdrantVectorStore.class);

    private final SegueConfig.Qdrant settings;
    private final QdrantCollection definition;
    private final int dimension;
    private final QdrantClient client;
    private final io.grpc.ManagedChannel channel;
    private final Guard searchGuard;
    private final Guard writeGuard;
    private final AtomicLong lastCount = new AtomicLong(0);

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
        this.definition = definition;
        this.dimension = dimension;
        this.client = new QdrantClient(grpc);
        this.channel = grpc.channel();
        this.searchGuard = guard("qdrant-search", settings.callTimeout(), true);
        this.writeGuard = guard("qdrant-write", settings.writeTimeout(), false);
    }

    private Guard guard(String name, Duration timeout, boolean circuitBreaker) {
        Guard.Builder b = Guard.create()
                .withDescription(name + ":" + settings.endpoint())
                .withTimeout()
                .duration(timeout.toMillis() + 250, ChronoUnit.MILLIS)
                .done() // the gRPC deadline fires first
                .withRetry()
                .maxRetries(settings.maxRetries())
                .whenException(QdrantVectorStore::isTransient)
                .delay(settings.retryBaseDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(Math.max(1, settings.retryBaseDelay().toMillis() / 2), ChronoUnit.MILLIS)
                .withExponentialBackoff()
                .maxDelay(
                        Math.max(
                                settings.retryMaxDelay().toMillis(),
                                settings.retryBaseDelay().toMillis() + 1),
                        ChronoUnit.MILLIS)
                .done()
                // gRPC waits longer and longer before reconnecting to a refused address; our backoff decides instead.
                .beforeRetry(channel::resetConnectBackoff)
                .done();
        if (circuitBreaker) {
            // Only connection-level failures count: a missing collection is not a reason to stop calling.
            b.withCircuitBreaker()
                    .when(QdrantVectorStore::isTransient)
                    .onStateChange(state -> channel.resetConnectBackoff())
                    .requestVolumeThreshold(settings.circuitBreakerVolume())
                    .failureRatio(0.5)
                    .delay(settings.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .done();
        }
        return b.build();
    }

    /** Failures worth another try: the server is unreachable, restarting or too slow. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return true;
            }
            Status.Code code = Status.fromThrowable(t).getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "qdrant";
    }

    public SegueConfig.Qdrant settings() {
        return settings;
    }

    /** Name-based (v3) UUID of a track id: the same track is always the same point. */
    static PointId pointId(String trackId) {
        return PointIdFactory.id(UUID.nameUUIDFromBytes(("segue-track:" + trackId).getBytes(StandardCharsets.UTF_8)));
    }

    // ---- collection ----------------------------------------------------------------------------------------------

    /** The collection, created from the definition when missing; fails when it exists with other vector settings. */
    public CollectionInfo ensureCollection() {
        String name = settings.collection();
        boolean exists = call(
                writeGuard,
                "check collection " + name,
                () -> client.collectionExistsAsync(name, settings.writeTimeout()));
        if (!exists) {
            LOG.infof(
                    "Qdrant collection %s is missing at %s: creating it from the definition",
                    name, settings.endpoint());
            call(
                    writeGuard,
                    "create collection " + name,
                    () -> client.createCollectionAsync(
                            definition.createRequest(name, settings.cluster()), settings.writeTimeout()));
        }
        CollectionInfo info = info(writeGuard);
        mismatch(info).ifPresent(problem -> {
            throw new VectorStoreUnavailable(problem, settings.retryAfterSeconds(), null);
        });
        // Indexes the definition asks for and the collection lacks (new, or a creation cut short) are added.
        for (var index : definition.indexRequests(name)) {
            if (!info.getPayloadSchemaMap().containsKey(index.getFieldName())) {
                call(
                        writeGuard,
                        "index " + index.getFieldName(),
                        () -> client.createPayloadIndexAsync(index, settings.writeTimeout()));
            }
        }
        return info;
    }

    private CollectionInfo info(Guard guard) {
        CollectionInfo info = call(
                guard,
                "read collection " + settings.collection(),
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

    private Map<String, Value> metadata(CollectionInfo info) {
        return info.getConfig().getMetadataMap();
    }

    private void writeMetadata(Map<String, Value> values) {
        call(
                writeGuard,
                "update collection metadata",
                () -> client.updateCollectionAsync(
                        UpdateCollection.newBuilder()
                                .setCollectionName(settings.collection())
                                .putAllMetadata(values)
                                .build(),
                        settings.writeTimeout()));
    }

    @Override
    public Optional<String> fingerprint() {
        CollectionInfo info = ensureCollection();
        Map<String, Value> meta = metadata(info);
        String fingerprint = meta.getOrDefault(META_FINGERPRINT, value("")).getStringValue();
        boolean sameLayout =
                LAYOUT.equals(meta.getOrDefault(META_LAYOUT, value("")).getStringValue());
        return fingerprint.isEmpty() || !sameLayout ? Optional.empty() : Optional.of(fingerprint);
    }

    // ---- loading ---------------------------------------------------------------------------------------------------

    @Override
    public void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) {
        CollectionInfo info = ensureCollection();
        String loading = metadata(info).getOrDefault(META_LOADING, value("")).getStringValue();
        // Not complete until the end: a crash from here on reads as "no usable content" and the load runs again.
        writeMetadata(
                Map.of(META_FINGERPRINT, value(""), META_LOADING, value(fingerprint), META_LAYOUT, value(LAYOUT)));
        Set<String> present = fingerprint.equals(loading) ? loadedPointIds(fingerprint) : Set.of();
        if (!present.isEmpty()) {
            LOG.infof(
                    "resuming an interrupted load into %s: %,d of %,d tracks are already there",
                    settings.collection(), present.size(), tracks.size());
        }
        Bm25Vectors bm25 = Bm25Vectors.over(tracks);
        progress.total(tracks.size());
        List<PointStruct> batch = new ArrayList<>(settings.batchSize());
        int done = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            PointId id = pointId(track.id());
            if (!present.contains(id.getUuid())) {
                batch.add(point(track, id, vectors.get(i), bm25, fingerprint));
            }
            if (batch.size() == settings.batchSize() || (i == tracks.size() - 1 && !batch.isEmpty())) {
                upsert(batch);
                batch = new ArrayList<>(settings.batchSize());
            }
            done = i + 1;
            if (done % settings.batchSize() == 0) {
                progress.update(done, "tracks");
            }
        }
        progress.update(done, "tracks");
        // Points of earlier content (tracks no longer in the catalog) go; the new ones all carry this fingerprint.
        Filter stale = Filter.newBuilder()
                .addMustNot(matchKeyword(FINGERPRINT, fingerprint))
                .build();
        call(
                writeGuard,
                "delete stale points",
                () -> client.deleteAsync(
                        DeletePoints.newBuilder()
                                .setCollectionName(settings.collection())
                                .setWait(true)
                                .setPoints(PointsSelector.newBuilder().setFilter(stale))
                                .build(),
                        settings.writeTimeout()));
        writeMetadata(Map.of(META_FINGERPRINT, value(fingerprint), META_LOADING, value(""), META_COUNT, value((long)
                tracks.size())));
        lastCount.set(tracks.size());
        progress.done(
                String.format(Locale.ROOT, "%,d tracks in Qdrant collection %s", tracks.size(), settings.collection()));
    }

    private void upsert(List<PointStruct> batch) {
        UpsertPoints request = UpsertPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setWait(true)
                .addAllPoints(batch)
                .build();
        call(
                writeGuard,
                "upsert " + batch.size() + " points",
                () -> client.upsertAsync(request, settings.writeTimeout()));
    }

    /** Ids of points already written by a load of this fingerprint (ids only: no vectors, no payload). */
    private Set<String> loadedPointIds(String fingerprint) {
        Set<String> ids = new HashSet<>();
        Filter mine = Filter.newBuilder()
                .addMust(matchKeyword(FINGERPRINT, fingerprint))
                .build();
        scroll(mine, false, List.of(), point -> ids.add(point.getId().getUuid()));
        return ids;
    }

    static PointStruct point(Track track, PointId id, float[] vector, Bm25Vectors bm25, String fingerprint) {
        Map<String, Vector> vectors = new LinkedHashMap<>();
        vectors.put(QdrantCollection.DENSE, VectorFactory.vector(vector));
        SparseVector names = bm25.document(track);
        if (names.getIndicesCount() > 0) {
            vectors.put(
                    QdrantCollection.SPARSE,
                    Vector.newBuilder().setSparse(names).build());
        }
        return PointStruct.newBuilder()
                .setId(id)
                .setVectors(VectorsFactory.namedVectors(vectors))
                .putAllPayload(payload(track, fingerprint))
                .build();
    }

    /** What filters need, plus the facts an operator looking at the collection would want; nulls are left out. */
    static Map<String, Value> payload(Track track, String fingerprint) {
        Map<String, Value> p = new LinkedHashMap<>();
        p.put(QdrantFilters.TRACK_ID, value(track.id()));
        p.put("title", value(track.title()));
        p.put("artist", value(track.artist()));
        p.put(QdrantFilters.ARTIST_KEY, value(Catalog.artistKey(track.artist())));
        p.put(
                QdrantFilters.TAGS,
                strings(Stream.of(track.genres(), track.moods(), track.instruments())
                        .flatMap(List::stream)
                        .distinct()
                        .toList()));
        p.put("genres", strings(track.genres()));
        p.put("moods", strings(track.moods()));
        p.put("instruments", strings(track.instruments()));
        if (track.year() != null) {
            p.put(QdrantFilters.YEAR, value((long) track.year()));
        }
        p.put(QdrantFilters.DURATION, value(track.durationSec()));
        if (track.explicit() != null) {
            p.put(QdrantFilters.EXPLICIT, value(track.explicit()));
        }
        if (track.features() != null && track.features().instrumentalness() != null) {
            p.put(QdrantFilters.INSTRUMENTALNESS, value(track.features().instrumentalness()));
        }
        if (track.popularity() != null) {
            p.put("popularity", value(track.popularity()));
        }
        p.put(FINGERPRINT, value(fingerprint));
        return p;
    }

    private static Value strings(List<String> values) {
        return list(values.stream().map(v -> value(v)).toList());
    }

    // ---- search ----------------------------------------------------------------------------------------------------

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        QueryPoints.Builder q = QueryPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setQuery(QueryFactory.nearest(query))
                .setUsing(QdrantCollection.DENSE)
                .setLimit(k)
                // A wider beam, like the embedded index's over-fetch: filtered HNSW can miss neighbours at small k.
                .setParams(SearchParams.newBuilder().setHnswEf(Math.max(k, 128)))
                .setWithPayload(WithPayloadSelectorFactory.include(List.of(QdrantFilters.TRACK_ID)));
        Filter f = QdrantFilters.of(filter);
        if (f != null) {
            q.setFilter(f);
        }
        return hits(call(searchGuard, "vector search", () -> client.queryAsync(q.build())));
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        SparseVector terms = Bm25Vectors.query(text);
        if (terms.getIndicesCount() == 0) {
            return List.of(); // only punctuation: nothing to match, as in the embedded index
        }
        QueryPoints.Builder q = QueryPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setQuery(QueryFactory.nearest(
                        VectorInputFactory.vectorInput(terms.getValuesList(), terms.getIndicesList())))
                .setUsing(QdrantCollection.SPARSE)
                .setLimit(k)
                .setWithPayload(WithPayloadSelectorFactory.include(List.of(QdrantFilters.TRACK_ID)));
        Filter f = QdrantFilters.of(filter);
        if (f != null) {
            q.setFilter(f);
        }
        return hits(call(searchGuard, "name search", () -> client.queryAsync(q.build())));
    }

    private static List<Hit> hits(List<ScoredPoint> points) {
        List<Hit> hits = new ArrayList<>(points.size());
        for (ScoredPoint p : points) {
            Value id = p.getPayloadMap().get(QdrantFilters.TRACK_ID);
            if (id != null) {
                hits.add(new Hit(id.getStringValue(), p.getScore()));
            }
        }
        return hits;
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) {
        scroll(null, true, List.of(QdrantFilters.TRACK_ID), point -> {
            VectorOutput v = point.getVectors().getVectors().getVectorsMap().get(QdrantCollection.DENSE);
            Value id = point.getPayloadMap().get(QdrantFilters.TRACK_ID);
            if (v == null || id == null) {
                return;
            }
            List<Float> data = v.hasDense() ? v.getDense().getDataList() : v.getDataList();
            float[] out = new float[data.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = data.get(i);
            }
            sink.accept(id.getStringValue(), out);
        });
    }

    private void scroll(
            Filter filter,
            boolean withVectors,
            List<String> payload,
            java.util.function.Consumer<RetrievedPoint> sink) {
        PointId offset = null;
        do {
            ScrollPoints.Builder s = ScrollPoints.newBuilder()
                    .setCollectionName(settings.collection())
                    .setLimit(SCROLL_PAGE)
                    .setWithPayload(
                            payload.isEmpty()
                                    ? WithPayloadSelectorFactory.enable(false)
                                    : WithPayloadSelectorFactory.include(payload))
                    .setWithVectors(
                            withVectors
                                    ? WithVectorsSelectorFactory.include(List.of(QdrantCollection.DENSE))
                                    : WithVectorsSelectorFactory.enable(false));
            if (filter != null) {
                s.setFilter(filter);
            }
            if (offset != null) {
                s.setOffset(offset);
            }
            ScrollResponse page =
                    call(writeGuard, "scroll points", () -> client.scrollAsync(s.build(), settings.writeTimeout()));
            page.getResultList().forEach(sink);
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
    }

    /** Points in the collection; the last count Qdrant reported when it cannot be asked (health and info pages). */
    @Override
    public int count() {
        try {
            long n = call(searchGuard, "count points", () -> client.countAsync(settings.collection(), null, true));
            lastCount.set(n);
        } catch (VectorStoreUnavailable e) {
            LOG.debugf("count: %s", e.getMessage());
        }
        return (int) Math.min(Integer.MAX_VALUE, lastCount.get());
    }

    /** For readiness: reachable, the collection usable and loaded; one call, no retries, never throws. */
    public Health health() {
        try {
            CollectionInfo info = await(client.getCollectionInfoAsync(settings.collection(), settings.callTimeout()));
            lastCount.set(info.getPointsCount());
            Optional<String> problem = mismatch(info);
            String fingerprint =
                    metadata(info).getOrDefault(META_FINGERPRINT, value("")).getStringValue();
            String status = info.getStatus().name().toLowerCase(Locale.ROOT);
            if (problem.isPresent()) {
                return new Health(false, problem.get(), info.getPointsCount(), status);
            }
            if (fingerprint.isEmpty()) {
                return new Health(
                        false,
                        "Qdrant collection " + settings.collection() + " holds no complete load"
                                + " (a load is running or was interrupted)",
                        info.getPointsCount(),
                        status);
            }
            return new Health(true, "ok", info.getPointsCount(), status);
        } catch (Exception e) {
            Thread.interrupted();
            channel.resetConnectBackoff(); // the next probe connects at once when the server is back
            return new Health(
                    false, describe("read collection " + settings.collection(), e), lastCount.get(), "unknown");
        }
    }

    public record Health(boolean up, String message, long points, String collectionStatus) {}

    // ---- calls -----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private <T> T call(Guard guard, String what, Callable<ListenableFuture<T>> request) {
        try {
            return (T) guard.call(() -> await(request.call()), Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new VectorStoreUnavailable(
                    "Qdrant at " + settings.endpoint() + " failed repeatedly; calls are paused" + " for up to "
                            + settings.retryAfterSeconds() + " s",
                    settings.retryAfterSeconds(),
                    e);
        } catch (VectorStoreUnavailable e) {
            throw e;
        } catch (Exception e) {
            Thread.interrupted(); // a fault-tolerance timeout interrupts this thread; later work must not see it
            throw new VectorStoreUnavailable(describe(what, e), isTransient(e) ? settings.retryAfterSeconds() : 30, e);
        }
    }

    private static <T> T await(ListenableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private String describe(String what, Throwable e) {
        Status status = Status.fromThrowable(e);
        String why = switch (status.getCode()) {
            case UNAVAILABLE -> "unreachable";
            case DEADLINE_EXCEEDED -> "no answer in time";
            case UNAUTHENTICATED, PERMISSION_DENIED -> "refused the API key (segue.qdrant.api-key)";
            case NOT_FOUND -> "has no collection " + settings.collection();
            case UNKNOWN ->
                e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                        ? "no answer in time"
                        : "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            default ->
                "answered " + status.getCode()
                        + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
        return "Qdrant at " + settings.endpoint() + " " + why + " (" + what + ")";
    }

    @Override
    public void close() {
        client.close();
    }
}
