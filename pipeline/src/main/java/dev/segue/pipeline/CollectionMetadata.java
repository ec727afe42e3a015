package dev.segue.pipeline;

import static io.qdrant.client.ConditionFactory.matchKeyword;

import dev.segue.search.QdrantPoints;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointsSelector;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The collection-wide writes of a load, as the service's loader (QdrantLoader) makes them: its metadata, and removing
 * the points an earlier catalog left (every point of this load carries its fingerprint).
 */
final class CollectionMetadata {

    private CollectionMetadata() {}

    static void write(QdrantClient client, String collection, Duration timeout, Map<String, Value> values) {
        await(
                "update the metadata of " + collection,
                client.updateCollectionAsync(
                        UpdateCollection.newBuilder()
                                .setCollectionName(collection)
                                .putAllMetadata(values)
                                .build(),
                        timeout),
                timeout);
    }

    static void deleteStale(QdrantClient client, String collection, Duration timeout, String fingerprint) {
        Filter stale = Filter.newBuilder()
                .addMustNot(matchKeyword(QdrantPoints.FINGERPRINT, fingerprint))
                .build();
        await(
                "delete stale points of " + collection,
                client.deleteAsync(
                        DeletePoints.newBuilder()
                                .setCollectionName(collection)
                                .setWait(true)
                                .setPoints(PointsSelector.newBuilder().setFilter(stale))
                                .build(),
                        timeout),
                timeout);
    }

    static <T> T await(String what, Future<T> call, Duration timeout) {
        try {
            return call.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Qdrant: cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
