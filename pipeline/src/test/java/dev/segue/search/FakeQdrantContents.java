package dev.segue.search;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link FakeQdrant} holds, for tests outside the service's package: its points and collection metadata.
 * (The stand-in keeps them package-private; this class sits in its package, in the pipeline's test classes.)
 */
public final class FakeQdrantContents {

    /** A stored point: its dense and sparse vectors and payload. */
    public record StoredPoint(
            Map<String, float[]> dense, Map<String, Map<Integer, Float>> sparse, Map<String, Value> payload) {}

    private FakeQdrantContents() {}

    /** Points by id (sorted, so two loads compare in one order); empty when the collection does not exist. */
    public static Map<String, StoredPoint> points(FakeQdrant fake, String collection) {
        Map<String, StoredPoint> out = new TreeMap<>();
        FakeQdrant.Collection c = fake.collection(collection);
        if (c == null) {
            return out;
        }
        synchronized (c) {
            c.points.forEach((id, p) -> out.put(id, new StoredPoint(p.dense(), p.sparse(), p.payload())));
        }
        return out;
    }

    public static Map<String, Value> metadata(FakeQdrant fake, String collection) {
        FakeQdrant.Collection c = fake.collection(collection);
        if (c == null) {
            return Map.of();
        }
        synchronized (c) {
            return new LinkedHashMap<>(c.metadata);
        }
    }
}
