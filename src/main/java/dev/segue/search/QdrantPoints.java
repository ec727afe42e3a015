package dev.segue.search;

import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The point layout: one point per track, its id a name-based UUID of the track id (so loading twice never
 * duplicates), a dense vector "tags", a sparse vector "names" (BM25 over title and artist, see {@link Bm25Vectors})
 * and the payload the filters need. Bump {@link #LAYOUT} when any of it changes.
 */
public final class QdrantPoints {

    /** Bump when the point layout changes: a collection loaded with another layout is reloaded. */
    public static final String LAYOUT = "segue-qdrant-v1";

    /** The payload field holding the fingerprint of the load that wrote the point. */
    public static final String FINGERPRINT = "fingerprint";

    private QdrantPoints() {}

    /** Name-based (v3) UUID of a track id: the same track is always the same point. */
    public static PointId pointId(String trackId) {
        return PointIdFactory.id(UUID.nameUUIDFromBytes(("segue-track:" + trackId).getBytes(StandardCharsets.UTF_8)));
    }

    public static PointStruct point(Track track, PointId id, float[] vector, Bm25Vectors bm25, String fingerprint) {
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
}
