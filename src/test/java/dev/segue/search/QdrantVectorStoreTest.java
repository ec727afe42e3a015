package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogFormat;
import dev.segue.catalog.IngestReport;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.Vectors;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Loading Qdrant against {@link FakeQdrant}: the exact requests the adapter sends (collection, indexes, batches, ids,
 * payloads, metadata), a resumed load, a collection it must refuse, and an index that opens once the server is back.
 * Searches are in {@link QdrantSearchTest}, failures in {@link QdrantFaultToleranceTest}.
 */
class QdrantVectorStoreTest extends QdrantStoreFixture {

    @Test
    void createsTheCollectionFromTheDefinitionAndLoadsInBatchesOfStableIds() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);

        assertCollectionCreatedFromTheDefinition();
        List<UpsertPoints> upserts = fake.requests(UpsertPoints.class);
        assertBatchesOfStableIds(upserts);
        assertPayloadAndVectors(upserts.get(0));
        assertLoadMarkedFirstAndRecordedLast();

        assertEquals(Optional.of("fp-1"), store.fingerprint());
        assertEquals(400, store.count());
        assertTrue(store.health().up(), store.health().toString());
        assertEquals(9, fake.requests(CreateFieldIndexCollection.class).size(), "indexes are created once");
    }

    private void assertCollectionCreatedFromTheDefinition() {
        CreateCollection create = fake.requests(CreateCollection.class).get(0);
        assertEquals(QdrantCollection.load(null).withDimension(DIM).createRequest("segue_test", false), create);
        VectorParams dense =
                create.getVectorsConfig().getParamsMap().getMapMap().get("tags");
        assertEquals(DIM, dense.getSize());
        assertEquals(Distance.Cosine, dense.getDistance());
        assertEquals(
                Modifier.Idf,
                create.getSparseVectorsConfig().getMapMap().get("names").getModifier());
        assertEquals(16, create.getHnswConfig().getM());
        assertEquals(1, create.getShardNumber());
        assertEquals(
                List.of(
                        "tags",
                        "artist_key",
                        "track_id",
                        "fingerprint",
                        "year",
                        "duration_sec",
                        "instrumentalness",
                        "popularity",
                        "explicit"),
                fake.requests(CreateFieldIndexCollection.class).stream()
                        .map(CreateFieldIndexCollection::getFieldName)
                        .toList());
    }

    private void assertBatchesOfStableIds(List<UpsertPoints> upserts) {
        assertEquals(
                List.of(128, 128, 128, 16),
                upserts.stream().map(UpsertPoints::getPointsCount).toList());
        assertTrue(upserts.stream().allMatch(UpsertPoints::getWait));
        List<String> ids = upserts.stream()
                .flatMap(u -> u.getPointsList().stream())
                .map(p -> p.getId().getUuid())
                .toList();
        assertEquals(
                tracks.stream().map(t -> QdrantPoints.pointId(t.id()).getUuid()).toList(), ids);
        assertEquals("4f3c8ca9-3df4-3bff-9f0c-e2d96a1b5c80".length(), ids.get(0).length());
        assertEquals(UUID.nameUUIDFromBytes("segue-track:t0".getBytes()).toString(), ids.get(0));
    }

    private void assertPayloadAndVectors(UpsertPoints firstBatch) {
        PointStruct first = firstBatch.getPoints(0);
        Map<String, Value> payload = first.getPayloadMap();
        assertEquals("t0", payload.get("track_id").getStringValue());
        assertEquals("blue horizon", payload.get("artist_key").getStringValue());
        assertEquals(List.of("jazz", "calm", "piano"), strings(payload.get("tags")));
        assertFalse(payload.containsKey("year"), "t0 has no year");
        assertEquals(1961, firstBatch.getPoints(1).getPayloadMap().get("year").getIntegerValue());
        assertEquals(120.0, payload.get("duration_sec").getDoubleValue());
        assertTrue(payload.get("explicit").getBoolValue());
        assertFalse(payload.containsKey("instrumentalness"), "no fact, no field: range filters then leave it out");
        assertEquals("fp-1", payload.get("fingerprint").getStringValue());
        assertEquals(
                DIM,
                first.getVectors()
                        .getVectors()
                        .getVectorsMap()
                        .get("tags")
                        .getDense()
                        .getDataCount());
        assertTrue(first.getVectors()
                        .getVectors()
                        .getVectorsMap()
                        .get("names")
                        .getSparse()
                        .getIndicesCount()
                >= 3);
    }

    private void assertLoadMarkedFirstAndRecordedLast() {
        // The load marks itself first and records the fingerprint last; stale points are deleted in between.
        List<UpdateCollection> updates = fake.requests(UpdateCollection.class);
        assertEquals(
                "fp-1", updates.get(0).getMetadataMap().get("segue_loading").getStringValue());
        assertEquals(
                "", updates.get(0).getMetadataMap().get("segue_fingerprint").getStringValue());
        UpdateCollection last = updates.get(updates.size() - 1);
        assertEquals("fp-1", last.getMetadataMap().get("segue_fingerprint").getStringValue());
        assertEquals(400, last.getMetadataMap().get("segue_count").getIntegerValue());
        DeletePoints stale = fake.requests(DeletePoints.class).get(0);
        assertEquals(
                "fp-1",
                stale.getPoints()
                        .getFilter()
                        .getMustNot(0)
                        .getField()
                        .getMatch()
                        .getKeyword());
    }

    @Test
    void aLoadInterruptedMidwayResumesWithOnlyWhatIsMissing() {
        fake.failUpsertsAfter(2);
        assertThrows(VectorStoreUnavailable.class, () -> store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT));
        assertEquals(Optional.empty(), store.fingerprint(), "an interrupted load is not usable content");
        assertFalse(store.health().up());

        fake.failUpsertsAfter(-1);
        fake.clearRequests();
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        List<String> sent = fake.requests(UpsertPoints.class).stream()
                .flatMap(u -> u.getPointsList().stream())
                .map(p -> p.getId().getUuid())
                .toList();
        assertEquals(
                tracks.subList(256, 400).stream()
                        .map(t -> QdrantPoints.pointId(t.id()).getUuid())
                        .toList(),
                sent);
        assertEquals(400, store.count());
        assertEquals(Optional.of("fp-1"), store.fingerprint());

        // New content: every point is rewritten with the new fingerprint and tracks that left the catalog go.
        store.replaceAll(tracks.subList(0, 300), vectors.subList(0, 300), "fp-2", ProgressBar.SILENT);
        assertEquals(300, store.count());
        assertEquals(Optional.of("fp-2"), store.fingerprint());
    }

    @Test
    void aCollectionWithOtherVectorsIsRefusedWithAClearMessage() {
        fake.create(CreateCollection.newBuilder()
                .setCollectionName("segue_test")
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder()
                                .putMap(
                                        "tags",
                                        VectorParams.newBuilder()
                                                .setSize(8)
                                                .setDistance(Distance.Cosine)
                                                .build())))
                .build());
        VectorStoreUnavailable e = assertThrows(VectorStoreUnavailable.class, store::fingerprint);
        assertTrue(
                e.getMessage().contains("has 8-dim Cosine vectors; Segue needs 16-dim Cosine vectors"), e.getMessage());
        assertFalse(store.health().up());
        assertTrue(store.health().message().contains("8-dim"), store.health().message());
        assertTrue(fake.requests(CreateCollection.class).isEmpty(), "an existing collection is never replaced");
    }

    @Test
    void anIndexOnAnUnreachableServerStartsNotReadyAndOpensWhenItComesBack() throws Exception {
        Catalog catalog = new Catalog(
                tracks, new IngestReport("test", CatalogFormat.CSV, 400, 400, Map.of(), List.of(), "sum-1"));
        String fingerprint = SearchIndex.fingerprint(catalog);
        store.replaceAll(tracks, vectors, fingerprint, ProgressBar.SILENT);
        fake.stop();
        try (QdrantVectorStore fresh = store(settings(fake.port()))) {
            SearchIndex index =
                    SearchIndex.openWhenAvailable(catalog, fresh, null, ProgressBar.SILENT, Duration.ofMillis(200));
            assertFalse(index.ready());
            assertTrue(index.problem().contains("unreachable"), index.problem());
            VectorStoreUnavailable e = assertThrows(
                    VectorStoreUnavailable.class, () -> index.store().nearest(vectors.get(0), SearchFilter.NONE, 3));
            assertTrue(e.getMessage().contains("not ready"), e.getMessage());

            fake.restart();
            for (int i = 0; i < 50 && !index.ready(); i++) {
                Thread.sleep(100);
            }
            assertTrue(index.ready(), "opened once the server answered: " + index.problem());
            assertFalse(index.rebuilt(), "the collection held this catalog already: nothing to embed");
            assertEquals(1.0, Vectors.dot(index.vectors().of("t9"), vectors.get(9)), 1e-5);
            assertEquals(
                    3,
                    index.store().nearest(vectors.get(0), SearchFilter.NONE, 3).size());
        }
    }
}
