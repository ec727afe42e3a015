package dev.segue.search;

import dev.segue.config.SegueConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.VectorInputFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchParams;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorOutput;
import jakarta.enterprise.util.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reading the collection: nearest tracks by the dense vector, BM25 name matches by the sparse one (both restricted
 * by {@link QdrantFilters}), and every stored vector, page by page.
 */
final class QdrantSearch {

    private static final int SCROLL_PAGE = 500;
    private static final TypeLiteral<List<ScoredPoint>> SCORED_POINTS = new TypeLiteral<>() {};

    private final SegueConfig.Qdrant settings;
    private final QdrantClient client;
    private final QdrantCalls calls;

    QdrantSearch(SegueConfig.Qdrant settings, QdrantClient client, QdrantCalls calls) {
        this.settings = settings;
        this.client = client;
        this.calls = calls;
    }

    List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        QueryPoints.Builder q = QueryPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setQuery(QueryFactory.nearest(query))
                .setUsing(QdrantCollection.DENSE)
                .setLimit(k)
                // A wider beam, like the embedded index's over-fetch: filtered HNSW can miss neighbours at small k.
                .setParams(SearchParams.newBuilder().setHnswEf(Math.max(k, 128)))
                .setWithPayload(WithPayloadSelectorFactory.include(List.of(QdrantFilters.TRACK_ID)));
        return query("vector search", q, filter);
    }

    List<Hit> lexical(String text, SearchFilter filter, int k) {
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
        return query("name search", q, filter);
    }

    private List<Hit> query(String what, QueryPoints.Builder q, SearchFilter filter) {
        Filter f = QdrantFilters.of(filter);
        if (f != null) {
            q.setFilter(f);
        }
        List<ScoredPoint> points = calls.search(what, SCORED_POINTS, () -> client.queryAsync(q.build()));
        List<Hit> hits = new ArrayList<>(points.size());
        for (ScoredPoint p : points) {
            Value id = p.getPayloadMap().get(QdrantFilters.TRACK_ID);
            if (id != null) {
                hits.add(new Hit(id.getStringValue(), p.getScore()));
            }
        }
        return hits;
    }

    void readVectors(BiConsumer<String, float[]> sink) {
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

    /** Every point the filter (null: none) allows, page by page, with the dense vector if asked and these fields. */
    void scroll(Filter filter, boolean withVectors, List<String> payload, Consumer<RetrievedPoint> sink) {
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
            ScrollResponse page = calls.write(
                    "scroll points",
                    ScrollResponse.class,
                    () -> client.scrollAsync(s.build(), settings.writeTimeout()));
            page.getResultList().forEach(sink);
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
    }
}
