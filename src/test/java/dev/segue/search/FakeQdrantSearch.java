package dev.segue.search;

import dev.segue.search.FakeQdrant.Collection;
import dev.segue.search.FakeQdrant.Point;
import dev.segue.search.FakeQdrant.Scored;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link FakeQdrant} answers queries and scrolls: exact cosine over the normalized dense vectors, sparse dot
 * products with the idf modifier, best first with ties in load order; scrolls in id order, page by page.
 */
final class FakeQdrantSearch {

    private FakeQdrantSearch() {}

    static QueryResponse query(Collection c, QueryPoints r) {
        if (!r.getQuery().hasNearest() || r.getPrefetchCount() > 0) {
            throw Status.UNIMPLEMENTED.withDescription("only nearest queries").asRuntimeException();
        }
        var input = r.getQuery().getNearest();
        List<Scored> scored;
        synchronized (c) {
            List<Point> candidates = c.points.values().stream()
                    .filter(p -> !r.hasFilter() || FakeQdrantFilters.matches(r.getFilter(), p))
                    .toList();
            if (input.hasDense()) {
                scored = dense(candidates, input.getDense().getDataList(), r.getUsing());
            } else if (input.hasSparse()) {
                scored = sparse(c, candidates, input.getSparse(), r.getUsing());
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
    }

    private static List<Scored> dense(List<Point> candidates, List<Float> query, String using) {
        float[] q = FakeQdrantPoints.normalized(query);
        List<Scored> scored = new ArrayList<>();
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
        return scored;
    }

    private static List<Scored> sparse(Collection c, List<Point> candidates, SparseVector query, String using) {
        Map<Integer, Float> q = FakeQdrantPoints.sparse(query);
        Map<Integer, Double> weights = weights(c, q, using);
        List<Scored> scored = new ArrayList<>();
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
        return scored;
    }

    /** Each query dimension's weight: its idf with the idf modifier, else 1. */
    private static Map<Integer, Double> weights(Collection c, Map<Integer, Float> q, String using) {
        boolean idf =
                c.definition.getSparseVectorsConfig().getMapMap().get(using).getModifier() == Modifier.Idf;
        // idf over the points that have this sparse vector: N of them, df holding the dimension
        Map<Integer, Integer> df = new HashMap<>();
        int n = 0;
        for (Point p : c.points.values()) {
            Map<Integer, Float> d = p.sparse().get(using);
            if (d != null) {
                n++;
                q.keySet().stream().filter(d::containsKey).forEach(i -> df.merge(i, 1, Integer::sum));
            }
        }
        Map<Integer, Double> weights = new HashMap<>();
        for (Integer index : q.keySet()) {
            int f = df.getOrDefault(index, 0);
            weights.put(index, idf ? Math.log(1 + (n - f + 0.5) / (f + 0.5)) : 1.0);
        }
        return weights;
    }

    private static ScoredPoint scored(Point p, float score, WithPayloadSelector payload) {
        return ScoredPoint.newBuilder()
                .setId(PointId.newBuilder().setUuid(p.id()))
                .setScore(score)
                .putAllPayload(select(p.payload(), payload))
                .build();
    }

    static ScrollResponse scroll(Collection c, ScrollPoints r) {
        synchronized (c) {
            // Qdrant scrolls in id order; the offset is the first id of the page.
            List<Point> all = c.points.values().stream()
                    .filter(p -> !r.hasFilter() || FakeQdrantFilters.matches(r.getFilter(), p))
                    .sorted(Comparator.comparing(Point::id))
                    .toList();
            int start = 0;
            if (r.hasOffset()) {
                while (start < all.size()
                        && all.get(start).id().compareTo(r.getOffset().getUuid()) < 0) {
                    start++;
                }
            }
            int limit = r.hasLimit() ? r.getLimit() : 10;
            ScrollResponse.Builder page = ScrollResponse.newBuilder();
            for (Point p : all.subList(start, Math.min(all.size(), start + limit))) {
                page.addResult(retrieved(p, r));
            }
            if (start + limit < all.size()) {
                page.setNextPageOffset(
                        PointId.newBuilder().setUuid(all.get(start + limit).id()));
            }
            return page.build();
        }
    }

    private static RetrievedPoint retrieved(Point p, ScrollPoints r) {
        RetrievedPoint.Builder out = RetrievedPoint.newBuilder()
                .setId(PointId.newBuilder().setUuid(p.id()))
                .putAllPayload(select(p.payload(), r.getWithPayload()));
        if (r.hasWithVectors() && r.getWithVectors().hasInclude()) {
            NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
            for (String name : r.getWithVectors().getInclude().getNamesList()) {
                float[] v = p.dense().get(name);
                if (v != null) {
                    DenseVector.Builder dense = DenseVector.newBuilder();
                    for (float x : v) {
                        dense.addData(x);
                    }
                    named.putVectors(
                            name, VectorOutput.newBuilder().setDense(dense).build());
                }
            }
            out.setVectors(VectorsOutput.newBuilder().setVectors(named));
        }
        return out.build();
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
}
