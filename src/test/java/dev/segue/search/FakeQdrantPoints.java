package dev.segue.search;

import dev.segue.search.FakeQdrant.Collection;
import dev.segue.search.FakeQdrant.Point;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Points gRPC service of {@link FakeQdrant}: payload indexes, upserts (vectors checked against the collection's
 * definition and normalized, as Qdrant does for cosine), deletes, counts; queries and scrolls are evaluated by
 * {@link FakeQdrantSearch}.
 */
final class FakeQdrantPoints extends PointsGrpc.PointsImplBase {

    private final FakeQdrant fake;

    FakeQdrantPoints(FakeQdrant fake) {
        this.fake = fake;
    }

    @Override
    public void createFieldIndex(CreateFieldIndexCollection r, StreamObserver<PointsOperationResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
                synchronized (c) {
                    c.indexes.add(r);
                }
                return completed();
            });
        }
    }

    @Override
    public void upsert(UpsertPoints r, StreamObserver<PointsOperationResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
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
                if (v.getDense().getDataCount() != denseConfig.get(e.getKey()).getSize()) {
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
        return new Point(p.getId().getUuid(), dense, sparse, new LinkedHashMap<>(p.getPayloadMap()), fake.nextOrder());
    }

    @Override
    public void delete(DeletePoints r, StreamObserver<PointsOperationResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
                synchronized (c) {
                    if (r.getPoints().hasFilter()) {
                        c.points
                                .values()
                                .removeIf(p ->
                                        FakeQdrantFilters.matches(r.getPoints().getFilter(), p));
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
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
                synchronized (c) {
                    long n = c.points.values().stream()
                            .filter(p -> !r.hasFilter() || FakeQdrantFilters.matches(r.getFilter(), p))
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
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> FakeQdrantSearch.query(fake.require(r.getCollectionName()), r));
        }
    }

    @Override
    public void scroll(ScrollPoints r, StreamObserver<ScrollResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> FakeQdrantSearch.scroll(fake.require(r.getCollectionName()), r));
        }
    }

    private static PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder()
                        .setStatus(UpdateStatus.Completed)
                        .setOperationId(1))
                .build();
    }

    static float[] normalized(List<Float> data) {
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

    static Map<Integer, Float> sparse(SparseVector s) {
        Map<Integer, Float> out = new HashMap<>();
        for (int i = 0; i < s.getIndicesCount(); i++) {
            out.merge(s.getIndices(i), s.getValues(i), Float::sum);
        }
        return out;
    }
}
