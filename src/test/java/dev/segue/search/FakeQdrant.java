package dev.segue.search;

import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.PointsGrpc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Qdrant stand-in for tests: the Collections and Points gRPC services of the official client's generated code,
 * served on a localhost port. It records every request and answers from an in-memory evaluation of what Qdrant
 * documents: cosine over normalized vectors (exact search), sparse dot products with the idf modifier, and filters
 * (must / should / must_not; match keyword, keywords, bool, integer; range; has_id). Ties keep load order. Anything
 * else is answered UNIMPLEMENTED, so the adapter cannot rely on a call the stand-in does not really evaluate.
 */
public final class FakeQdrant implements AutoCloseable {

    /** One stored point: its id, normalized dense vectors, sparse vectors, payload and load order. */
    record Point(
            String id,
            Map<String, float[]> dense,
            Map<String, Map<Integer, Float>> sparse,
            Map<String, Value> payload,
            long order) {}

    record Scored(Point point, float score) {}

    static final class Collection {
        final CreateCollection definition;
        final Map<String, Value> metadata = new LinkedHashMap<>();
        final Map<String, Point> points = new LinkedHashMap<>();
        final List<CreateFieldIndexCollection> indexes = new ArrayList<>();

        Collection(CreateCollection definition) {
            this.definition = definition;
            metadata.putAll(definition.getMetadataMap());
        }
    }

    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final List<Message> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger upsertsBeforeFailure = new AtomicInteger(-1);
    private final AtomicInteger failuresLeft = new AtomicInteger(0);
    private volatile Status failure;
    private volatile long delayMs;
    private long order;
    private Server server;
    private int port;

    public FakeQdrant() {
        start(0);
    }

    private void start(int onPort) {
        try {
            server = Grpc.newServerBuilderForPort(onPort, InsecureServerCredentials.create())
                    .addService(new CollectionsService())
                    .addService(new PointsService())
                    .build()
                    .start();
            port = server.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Qdrant on port " + onPort, e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops answering (connections are refused), keeping the data, as a stopped server with a volume would. */
    public void stop() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves again on the same port. */
    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    // ---- test controls ---------------------------------------------------------------------------------------------

    /** Every call fails with this status until cleared with null. */
    public void failWith(Status status) {
        failuresLeft.set(0);
        this.failure = status;
    }

    /** The next n calls fail with this status, then calls succeed again. */
    public void failNext(int n, Status status) {
        this.failure = status;
        failuresLeft.set(n);
    }

    /** Every call waits this long before answering. */
    public void delay(long ms) {
        this.delayMs = ms;
    }

    /** Accept this many upserts, then answer UNAVAILABLE to the following ones (a server dying mid-load). */
    public void failUpsertsAfter(int upserts) {
        upsertsBeforeFailure.set(upserts);
    }

    public List<Message> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public <T extends Message> List<T> requests(Class<T> type) {
        return requests().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    Collection collection(String name) {
        return collections.get(name);
    }

    /** Points stored in a collection (0 when it does not exist). */
    public int points(String collection) {
        Collection c = collections.get(collection);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c.points.size();
        }
    }

    /** A collection created by someone else, e.g. with other vector settings. */
    public void create(CreateCollection definition) {
        collections.put(definition.getCollectionName(), new Collection(definition));
    }

    // ---- evaluation ------------------------------------------------------------------------------------------------

    static boolean matches(Filter filter, Point p) {
        if (filter.hasMinShould()) {
            throw Status.UNIMPLEMENTED.withDescription("min_should").asRuntimeException();
        }
        for (Condition c : filter.getMustList()) {
            if (!holds(c, p)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0 && filter.getShouldList().stream().noneMatch(c -> holds(c, p))) {
            return false;
        }
        for (Condition c : filter.getMustNotList()) {
            if (holds(c, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition c, Point p) {
        return switch (c.getConditionOneOfCase()) {
            case FIELD -> field(c.getField(), p);
            case HAS_ID ->
                c.getHasId().getHasIdList().stream().anyMatch(id -> id.getUuid().equals(p.id()));
            case FILTER -> matches(c.getFilter(), p);
            default ->
                throw Status.UNIMPLEMENTED
                        .withDescription("condition " + c.getConditionOneOfCase())
                        .asRuntimeException();
        };
    }

    /** A field condition holds when any of the field's values (an array counts value by value) satisfies it. */
    private static boolean field(FieldCondition f, Point p) {
        Value stored = p.payload().get(f.getKey());
        List<Value> values = stored == null
                ? List.of()
                : stored.hasListValue() ? stored.getListValue().getValuesList() : List.of(stored);
        if (f.hasMatch()) {
            var m = f.getMatch();
            return switch (m.getMatchValueCase()) {
                case KEYWORD ->
                    values.stream()
                            .anyMatch(v ->
                                    v.hasStringValue() && v.getStringValue().equals(m.getKeyword()));
                case KEYWORDS ->
                    values.stream()
                            .anyMatch(v -> v.hasStringValue()
                                    && m.getKeywords().getStringsList().contains(v.getStringValue()));
                case BOOLEAN -> values.stream().anyMatch(v -> v.hasBoolValue() && v.getBoolValue() == m.getBoolean());
                case INTEGER ->
                    values.stream().anyMatch(v -> v.hasIntegerValue() && v.getIntegerValue() == m.getInteger());
                default ->
                    throw Status.UNIMPLEMENTED
                            .withDescription("match " + m.getMatchValueCase())
                            .asRuntimeException();
            };
        }
        if (f.hasRange()) {
            var r = f.getRange();
            return values.stream()
                    .filter(v -> v.hasDoubleValue() || v.hasIntegerValue())
                    .mapToDouble(v -> v.hasDoubleValue() ? v.getDoubleValue() : v.getIntegerValue())
                    .anyMatch(x -> (!r.hasGt() || x > r.getGt())
                            && (!r.hasGte() || x >= r.getGte())
                            && (!r.hasLt() || x < r.getLt())
                            && (!r.hasLte() || x <= r.getLte()));
        }
        throw Status.UNIMPLEMENTED
                .withDescription("field condition on " + f.getKey())
                .asRuntimeException();
    }

    private static float[] normalized(List<Float> data) {
        float[] v = new float[data.size()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i);
            norm += v[i] * v[i];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static Map<Integer, Float> sparse(SparseVector s) {
        Map<Integer, Float> out = new HashMap<>();
        for (int i = 0; i < s.getIndicesCount(); i++) {
            out.merge(s.getIndices(i), s.getValues(i), Float::sum);
        }
        return out;
    }

    private static Map<String, Value> select(Map<String, Value> payload, WithPayloadSelector selector) {
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? payload : Map.of();
            case INCLUDE -> {
                Map<String, Value> out = new LinkedHashMap<>();
                selector.getInclude().getFieldsList().forEach(k -> {
                    if (payload.containsKey(k)) {
                        out.put(k, payload.get(k));
                    }
                });
                yield out;
            }
            default -> Map.of();
        };
    }

    // ---- services --------------------------------------------------------------------------------------------------

    /** Records the request; answers the injected failure or delay. False when the call has been answered already. */
    private boolean admit(Message request, StreamObserver<?> observer) {
        requests.add(request);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Status fail = failure;
        if (fail != null && failuresLeft.get() > 0 && failuresLeft.decrementAndGet() == 0) {
            failure = null;
        }
        if (request instanceof UpsertPoints
                && upsertsBeforeFailure.get() >= 0
                && upsertsBeforeFailure.getAndDecrement() == 0) {
            upsertsBeforeFailure.set(0);
            fail = Status.UNAVAILABLE.withDescription("the fake server went away mid-load");
        }
        if (fail != null) {
            observer.onError(fail.asRuntimeException());
            return false;
        }
        return true;
    }

    private Collection require(String name) {
        Collection c = collections.get(name);
        if (c == null) {
            throw Status.NOT_FOUND
                    .withDescription("Collection `" + name + "` doesn't exist!")
                    .asRuntimeException();
        }
        return c;
    }

    private static <T> void answer(StreamObserver<T> observer, java.util.function.Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (io.grpc.StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }

    private static Map<String, PayloadSchemaInfo> payloadSchema(Collection c) {
        Map<String, PayloadSchemaInfo> schema = new LinkedHashMap<>();
        for (CreateFieldIndexCollection index : c.indexes) {
            PayloadSchemaType type = switch (index.getFieldType()) {
                case FieldTypeKeyword -> PayloadSchemaType.Keyword;
                case FieldTypeInteger -> PayloadSchemaType.Integer;
                case FieldTypeFloat -> PayloadSchemaType.Float;
                case FieldTypeBool -> PayloadSchemaType.Bool;
                case FieldTypeText -> PayloadSchemaType.Text;
                default -> PayloadSchemaType.UnknownType;
            };
            schema.put(
                    index.getFieldName(),
                    PayloadSchemaInfo.newBuilder().setDataType(type).build());
        }
        return schema;
    }

    private static PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder()
                        .setStatus(UpdateStatus.Completed)
                        .setOperationId(1))
                .build();
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(CollectionExistsRequest r, StreamObserver<CollectionExistsResponse> o) {
            if (admit(r, o)) {
                answer(
                        o,
                        () -> CollectionExistsResponse.newBuilder()
                                .setResult(CollectionExists.newBuilder()
                                        .setExists(collections.containsKey(r.getCollectionName())))
                                .build());
            }
        }

        @Override
        public void create(CreateCollection r, StreamObserver<CollectionOperationResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    if (collections.putIfAbsent(r.getCollectionName(), new Collection(r)) != null) {
                        throw Status.ALREADY_EXISTS
                                .withDescription("Collection `" + r.getCollectionName() + "` already exists!")
                                .asRuntimeException();
                    }
                    return CollectionOperationResponse.newBuilder()
                            .setResult(true)
                            .build();
                });
            }
        }

        @Override
        public void update(UpdateCollection r, StreamObserver<CollectionOperationResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        c.metadata.putAll(r.getMetadataMap()); // Qdrant merges metadata into what is stored
                    }
                    return CollectionOperationResponse.newBuilder()
                            .setResult(true)
                            .build();
                });
            }
        }

        @Override
        public void get(GetCollectionInfoRequest r, StreamObserver<GetCollectionInfoResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        CreateCollection d = c.definition;
                        CollectionParams params = CollectionParams.newBuilder()
                                .setVectorsConfig(d.getVectorsConfig())
                                .setSparseVectorsConfig(d.getSparseVectorsConfig())
                                .setShardNumber(d.hasShardNumber() ? d.getShardNumber() : 1)
                                .setReplicationFactor(d.hasReplicationFactor() ? d.getReplicationFactor() : 1)
                                .setOnDiskPayload(d.getOnDiskPayload())
                                .build();
                        CollectionInfo info = CollectionInfo.newBuilder()
                                .setStatus(CollectionStatus.Green)
                                .setPointsCount(c.points.size())
                                .setSegmentsCount(1)
                                .setConfig(CollectionConfig.newBuilder()
                                        .setParams(params)
                                        .setHnswConfig(d.getHnswConfig())
                                        .setOptimizerConfig(d.getOptimizersConfig())
                                        .putAllMetadata(c.metadata))
                                .putAllPayloadSchema(payloadSchema(c))
                                .build();
                        return GetCollectionInfoResponse.newBuilder()
                                .setResult(info)
                                .build();
                    }
                });
            }
        }
    }

    private final class PointsService extends PointsGrpc.PointsImplBase {
        @Override
        public void createFieldIndex(CreateFieldIndexCollection r, StreamObserver<PointsOperationResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        c.indexes.add(r);
                    }
                    return completed();
                });
            }
        }

        @Override
        public void upsert(UpsertPoints r, StreamObserver<PointsOperationResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        for (PointStruct p : r.getPointsList()) {
                            c.points.put(p.getId().getUuid(), stored(c, p));
                        }
                    }
                    return completed();
                });
            }
        }

        private Point stored(Collection c, PointStruct p) {
            if (!p.getVectors().hasVectors()) {
                throw Status.INVALID_ARGUMENT
                        .withDescription("this collection has named vectors only")
                        .asRuntimeException();
            }
            Map<String, float[]> dense = new HashMap<>();
            Map<String, Map<Integer, Float>> sparse = new HashMap<>();
            var denseConfig = c.definition.getVectorsConfig().getParamsMap().getMapMap();
            var sparseConfig = c.definition.getSparseVectorsConfig().getMapMap();
            for (Map.Entry<String, Vector> e :
                    p.getVectors().getVectors().getVectorsMap().entrySet()) {
                Vector v = e.getValue();
                if (denseConfig.containsKey(e.getKey()) && v.hasDense()) {
                    if (v.getDense().getDataCount()
                            != denseConfig.get(e.getKey()).getSize()) {
                        throw Status.INVALID_ARGUMENT
                                .withDescription("Wrong input: Vector dimension error")
                                .asRuntimeException();
                    }
                    if (denseConfig.get(e.getKey()).getDistance() != Distance.Cosine) {
                        throw Status.UNIMPLEMENTED
                                .withDescription("only cosine distance")
                                .asRuntimeException();
                    }
                    dense.put(e.getKey(), normalized(v.getDense().getDataList())); // Qdrant normalizes for cosine
                } else if (sparseConfig.containsKey(e.getKey()) && v.hasSparse()) {
                    sparse.put(e.getKey(), sparse(v.getSparse()));
                } else {
                    throw Status.INVALID_ARGUMENT
                            .withDescription("Not existing vector name: " + e.getKey())
                            .asRuntimeException();
                }
            }
            return new Point(p.getId().getUuid(), dense, sparse, new LinkedHashMap<>(p.getPayloadMap()), order++);
        }

        @Override
        public void delete(DeletePoints r, StreamObserver<PointsOperationResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        if (r.getPoints().hasFilter()) {
                            c.points
                                    .values()
                                    .removeIf(p -> matches(r.getPoints().getFilter(), p));
                        } else {
                            r.getPoints().getPoints().getIdsList().forEach(id -> c.points.remove(id.getUuid()));
                        }
                    }
                    return completed();
                });
            }
        }

        @Override
        public void count(CountPoints r, StreamObserver<CountResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        long n = c.points.values().stream()
                                .filter(p -> !r.hasFilter() || matches(r.getFilter(), p))
                                .count();
                        return CountResponse.newBuilder()
                                .setResult(CountResult.newBuilder().setCount(n))
                                .build();
                    }
                });
            }
        }

        @Override
        public void query(QueryPoints r, StreamObserver<QueryResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    if (!r.getQuery().hasNearest() || r.getPrefetchCount() > 0) {
                        throw Status.UNIMPLEMENTED
                                .withDescription("only nearest queries")
                                .asRuntimeException();
                    }
                    var input = r.getQuery().getNearest();
                    String using = r.getUsing();
                    List<Scored> scored = new ArrayList<>();
                    synchronized (c) {
                        List<Point> candidates = c.points.values().stream()
                                .filter(p -> !r.hasFilter() || matches(r.getFilter(), p))
                                .toList();
                        if (input.hasDense()) {
                            float[] q = normalized(input.getDense().getDataList());
                            for (Point p : candidates) {
                                float[] v = p.dense().get(using);
                                if (v == null) {
                                    continue;
                                }
                                if (v.length != q.length) {
                                    throw Status.INVALID_ARGUMENT
                                            .withDescription("Vector dimension error")
                                            .asRuntimeException();
                                }
                                float dot = 0;
                                for (int i = 0; i < q.length; i++) {
                                    dot += q[i] * v[i];
                                }
                                scored.add(new Scored(p, dot));
                            }
                        } else if (input.hasSparse()) {
                            boolean idf = c.definition
                                            .getSparseVectorsConfig()
                                            .getMapMap()
                                            .get(using)
                                            .getModifier()
                                    == Modifier.Idf;
                            Map<Integer, Float> q = sparse(input.getSparse());
                            // idf over the points that have this sparse vector: N of them, df holding the dimension
                            Map<Integer, Integer> df = new HashMap<>();
                            int n = 0;
                            for (Point p : c.points.values()) {
                                Map<Integer, Float> d = p.sparse().get(using);
                                if (d != null) {
                                    n++;
                                    q.keySet().stream()
                                            .filter(d::containsKey)
                                            .forEach(i -> df.merge(i, 1, Integer::sum));
                                }
                            }
                            Map<Integer, Double> weights = new HashMap<>();
                            for (Integer index : q.keySet()) {
                                int f = df.getOrDefault(index, 0);
                                weights.put(index, idf ? Math.log(1 + (n - f + 0.5) / (f + 0.5)) : 1.0);
                            }
                            for (Point p : candidates) {
                                Map<Integer, Float> d = p.sparse().get(using);
                                if (d == null || q.keySet().stream().noneMatch(d::containsKey)) {
                                    continue; // sparse search returns only points sharing a dimension with the query
                                }
                                double score = 0;
                                for (Map.Entry<Integer, Float> e : q.entrySet()) {
                                    score += e.getValue() * weights.get(e.getKey()) * d.getOrDefault(e.getKey(), 0f);
                                }
                                scored.add(new Scored(p, (float) score));
                            }
                        } else {
                            throw Status.UNIMPLEMENTED
                                    .withDescription("query input " + input.getVariantCase())
                                    .asRuntimeException();
                        }
                    }
                    // Best first; equal scores keep load order (a stable sort over points in load order).
                    List<ScoredPoint> top = scored.stream()
                            .sorted(Comparator.comparingDouble(Scored::score).reversed())
                            .skip(r.getOffset())
                            .limit(r.hasLimit() ? r.getLimit() : 10)
                            .map(x -> scored(x.point(), x.score(), r.getWithPayload()))
                            .toList();
                    return QueryResponse.newBuilder().addAllResult(top).build();
                });
            }
        }

        private ScoredPoint scored(Point p, float score, WithPayloadSelector payload) {
            return ScoredPoint.newBuilder()
                    .setId(PointId.newBuilder().setUuid(p.id()))
                    .setScore(score)
                    .putAllPayload(select(p.payload(), payload))
                    .build();
        }

        @Override
        public void scroll(ScrollPoints r, StreamObserver<ScrollResponse> o) {
            if (admit(r, o)) {
                answer(o, () -> {
                    Collection c = require(r.getCollectionName());
                    synchronized (c) {
                        // Qdrant scrolls in id order; the offset is the first id of the page.
                        List<Point> all = c.points.values().stream()
                                .filter(p -> !r.hasFilter() || matches(r.getFilter(), p))
                                .sorted(Comparator.comparing(Point::id))
                                .toList();
                        int start = 0;
                        if (r.hasOffset()) {
                            while (start < all.size()
                                    && all.get(start)
                                                    .id()
                                                    .compareTo(r.getOffset().getUuid())
                                            < 0) {
                                start++;
                            }
                        }
                        int limit = r.hasLimit() ? r.getLimit() : 10;
                        ScrollResponse.Builder page = ScrollResponse.newBuilder();
                        for (Point p : all.subList(start, Math.min(all.size(), start + limit))) {
                            RetrievedPoint.Builder out = RetrievedPoint.newBuilder()
                                    .setId(PointId.newBuilder().setUuid(p.id()))
                                    .putAllPayload(select(p.payload(), r.getWithPayload()));
                            if (r.hasWithVectors() && r.getWithVectors().hasInclude()) {
                                NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
                                for (String name :
                                        r.getWithVectors().getInclude().getNamesList()) {
                                    float[] v = p.dense().get(name);
                                    if (v != null) {
                                        DenseVector.Builder dense = DenseVector.newBuilder();
                                        for (float x : v) {
                                            dense.addData(x);
                                        }
                                        named.putVectors(
                                                name,
                                                VectorOutput.newBuilder()
                                                        .setDense(dense)
                                                        .build());
                                    }
                                }
                                out.setVectors(VectorsOutput.newBuilder().setVectors(named));
                            }
                            page.addResult(out);
                        }
                        if (start + limit < all.size()) {
                            page.setNextPageOffset(PointId.newBuilder()
                                    .setUuid(all.get(start + limit).id()));
                        }
                        return page.build();
                    }
                });
            }
        }
    }
}
