package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.AudioFeatures;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import dev.segue.embedding.Vectors;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Qdrant adapter against {@link FakeQdrant}: the exact requests it sends (collection, indexes, batches, ids,
 * payloads, filters), and that its answers equal the embedded index's for the same tracks, filters and queries.
 */
class QdrantVectorStoreTest {

    static final String[] GENRES = {"jazz", "rock", "ambient", "folk"};
    static final String[] MOODS = {"calm", "sad", "happy"};
    static final int DIM = 16;

    @TempDir
    Path dir;

    final List<Track> tracks = new ArrayList<>();
    final List<float[]> vectors = new ArrayList<>();
    FakeQdrant fake;
    QdrantVectorStore store;

    static List<Track> tracks(List<float[]> vectors, int n) {
        Random random = new Random(7);
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AudioFeatures features =
                    i % 3 == 0 ? null : new AudioFeatures(null, null, null, null, null, (i % 10) / 10.0);
            out.add(new Track(
                    "t" + i,
                    "Song " + i + (i % 7 == 0 ? " blue" : ""),
                    i % 40 == 0 ? "Blue Horizon" : "Artist " + (i % 37),
                    null,
                    i % 9 == 0 ? null : 1960 + i % 60,
                    120 + i,
                    List.of(GENRES[i % 4]),
                    List.of(MOODS[i % 3]),
                    i % 5 == 0 ? List.of("piano") : List.of(),
                    i % 11 == 0 ? null : (double) (i % 100),
                    null,
                    null,
                    features,
                    i % 50 == 0 ? Boolean.TRUE : i % 4 == 0 ? null : Boolean.FALSE));
            float[] v = new float[DIM];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            // Every 6th track shares its vector with the one before: equal scores, as identical tag sets give.
            vectors.add(i % 6 == 5 ? vectors.get(i - 1) : Vectors.normalize(v));
        }
        return out;
    }

    static SegueConfig.Qdrant settings(int port) {
        return QdrantTestSettings.fast(port, Map.of());
    }

    static QdrantVectorStore store(SegueConfig.Qdrant settings) {
        return new QdrantVectorStore(settings, QdrantCollection.load(null).withDimension(DIM), DIM);
    }

    @BeforeEach
    void start() {
        tracks.addAll(tracks(vectors, 400));
        fake = new FakeQdrant();
        store = store(settings(fake.port()));
    }

    @AfterEach
    void stop() {
        store.close();
        fake.close();
    }

    @Test
    void createsTheCollectionFromTheDefinitionAndLoadsInBatchesOfStableIds() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);

        CreateCollection create = fake.requests(CreateCollection.class).get(0);
        assertEquals(QdrantCollection.load(null).withDimension(DIM).createRequest("segue_test", false), create);
        VectorParams dense =
                create.getVectorsConfig().getParamsMap().getMapMap().get("tags");
        assertEquals(DIM, dense.getSize());
        assertEquals(Distance.Cosine, dense.getDistance());
        assertEquals(
                io.qdrant.client.grpc.Collections.Modifier.Idf,
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

        List<UpsertPoints> upserts = fake.requests(UpsertPoints.class);
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
        assertEquals(
                java.util.UUID.nameUUIDFromBytes("segue-track:t0".getBytes()).toString(), ids.get(0));

        PointStruct first = upserts.get(0).getPoints(0);
        Map<String, Value> payload = first.getPayloadMap();
        assertEquals("t0", payload.get("track_id").getStringValue());
        assertEquals("blue horizon", payload.get("artist_key").getStringValue());
        assertEquals(List.of("jazz", "calm", "piano"), strings(payload.get("tags")));
        assertFalse(payload.containsKey("year"), "t0 has no year");
        assertEquals(
                1961, upserts.get(0).getPoints(1).getPayloadMap().get("year").getIntegerValue());
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

        assertEquals(Optional.of("fp-1"), store.fingerprint());
        assertEquals(400, store.count());
        assertTrue(store.health().up(), store.health().toString());
        assertEquals(9, fake.requests(CreateFieldIndexCollection.class).size(), "indexes are created once");
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
    void searchesAnswerLikeTheEmbeddedIndex() throws Exception {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        try (LuceneVectorStore lucene = new LuceneVectorStore(dir)) {
            lucene.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
            List<SearchFilter> filters = new ArrayList<>(List.of(
                    SearchFilter.NONE,
                    complexFilter(),
                    new SearchFilter(
                            null,
                            Set.of("sad", "piano"),
                            null,
                            Set.of("Artist 3", "BLUE horizon"),
                            null,
                            null,
                            null,
                            true,
                            null,
                            Set.of("t1", "t2")),
                    new SearchFilter(null, null, Set.of("blue  horizon!"), null, null, 1999, 300.0, false, 0.5, null)));
            Random random = new Random(11);
            for (int i = 0; i < 25; i++) {
                filters.add(randomFilter(random));
            }
            for (SearchFilter filter : filters) {
                for (int q : new int[] {0, 5, 77}) {
                    assertSameRanking(
                            lucene.nearest(vectors.get(q), filter, 20),
                            store.nearest(vectors.get(q), filter, 20),
                            1e-5);
                }
                // Everything the filter allows, nothing else: the translation agrees with Filters.allows.
                Set<String> allowed = tracks.stream()
                        .filter(t -> Filters.allows(filter, t))
                        .map(Track::id)
                        .collect(Collectors.toSet());
                assertEquals(
                        allowed,
                        store.nearest(vectors.get(1), filter, 400).stream()
                                .map(Hit::trackId)
                                .collect(Collectors.toSet()),
                        filter.toString());
                for (String text : List.of("blue horizon", "song 7", "Blue song 14 artist", "artist")) {
                    assertSameRanking(lucene.lexical(text, filter, 30), store.lexical(text, filter, 30), 1e-4);
                }
            }
            assertEquals(List.of(), store.lexical(" -- ", SearchFilter.NONE, 10));
        }
    }

    @Test
    void filtersAreSentAsMustAndMustNotConditions() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        fake.clearRequests();
        store.nearest(vectors.get(0), complexFilter(), 7);
        QueryPoints query = fake.requests(QueryPoints.class).get(0);
        assertEquals("tags", query.getUsing());
        assertEquals(7, query.getLimit());
        assertEquals(128, query.getParams().getHnswEf());
        Filter f = query.getFilter();
        assertEquals(
                List.of("folk", "jazz"),
                f.getMust(0).getField().getMatch().getKeywords().getStringsList());
        assertEquals(
                List.of("piano"),
                f.getMust(1).getField().getMatch().getKeywords().getStringsList());
        assertEquals("year", f.getMust(2).getField().getKey());
        assertEquals(1970, f.getMust(2).getField().getRange().getGte());
        assertEquals(2000, f.getMust(2).getField().getRange().getLte());
        assertEquals(
                List.of("sad"),
                f.getMustNot(0).getField().getMatch().getKeywords().getStringsList());
        assertEquals(
                List.of("artist 3"),
                f.getMustNot(1).getField().getMatch().getKeywords().getStringsList());
        assertTrue(f.getMustNot(2).getField().getMatch().getBoolean());
        assertEquals(QdrantPoints.pointId("t20"), f.getMustNot(3).getHasId().getHasId(0));
        assertEquals(3, f.getMustCount());
        assertEquals(4, f.getMustNotCount());
        assertEquals(0, f.getShouldCount());

        fake.clearRequests();
        store.nearest(vectors.get(0), SearchFilter.NONE, 5);
        assertFalse(fake.requests(QueryPoints.class).get(0).hasFilter(), "no filter when nothing is restricted");
    }

    @Test
    void readVectorsStreamsEveryStoredVector() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        Map<String, float[]> read = new HashMap<>();
        store.readVectors(read::put);
        assertEquals(400, read.size());
        for (int i = 0; i < tracks.size(); i++) {
            assertEquals(1.0, Vectors.dot(read.get("t" + i), vectors.get(i)), 1e-5);
        }
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
    void transientFailuresAreRetriedWithBackoff() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        fake.clearRequests();
        fake.failNext(2, Status.UNAVAILABLE);
        assertEquals(5, store.nearest(vectors.get(0), SearchFilter.NONE, 5).size());
        assertEquals(3, fake.requests(QueryPoints.class).size(), "two failures, then the answer");

        fake.clearRequests();
        fake.failNext(1, Status.INVALID_ARGUMENT);
        assertThrows(VectorStoreUnavailable.class, () -> store.nearest(vectors.get(0), SearchFilter.NONE, 5));
        assertEquals(1, fake.requests(QueryPoints.class).size(), "a rejected request is not retried");
    }

    @Test
    void aSlowServerTimesOutInsteadOfHanging() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        fake.clearRequests();
        fake.delay(1500);
        long start = System.nanoTime();
        VectorStoreUnavailable e =
                assertThrows(VectorStoreUnavailable.class, () -> store.nearest(vectors.get(0), SearchFilter.NONE, 5));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2.5, "3 tries of 0.4 s plus backoff, not " + seconds + " s");
        assertTrue(e.getMessage().contains("no answer in time"), e.getMessage());
        assertEquals(3, fake.requests(QueryPoints.class).size());
        fake.delay(0);
    }

    @Test
    void anUnreachableServerFailsFastThenTheCircuitOpensAndRecloses() throws Exception {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        fake.stop();
        long start = System.nanoTime();
        VectorStoreUnavailable e =
                assertThrows(VectorStoreUnavailable.class, () -> store.nearest(vectors.get(0), SearchFilter.NONE, 5));
        assertTrue((System.nanoTime() - start) / 1e9 < 2.0);
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertFalse(store.health().up());
        assertTrue(
                store.health().message().contains("unreachable"), store.health().message());
        assertEquals(400, store.count(), "the last count known, not an error");
        for (int i = 0; i < 4; i++) {
            assertThrows(VectorStoreUnavailable.class, () -> store.lexical("blue", SearchFilter.NONE, 5));
        }
        VectorStoreUnavailable open =
                assertThrows(VectorStoreUnavailable.class, () -> store.nearest(vectors.get(0), SearchFilter.NONE, 5));
        assertTrue(open.getMessage().contains("paused"), open.getMessage());
        assertEquals(1, open.retryAfterSeconds());

        fake.restart();
        Thread.sleep(900); // the breaker's delay
        assertEquals(5, store.nearest(vectors.get(0), SearchFilter.NONE, 5).size());
        assertTrue(store.health().up());
    }

    @Test
    void theFallbackAnswersFromTheEmbeddedIndexAndSaysSo() throws Exception {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        try (LuceneVectorStore lucene = new LuceneVectorStore(dir)) {
            lucene.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
            FallbackVectorStore both = new FallbackVectorStore(store, lucene);
            dev.segue.trace.Trace trace = new dev.segue.trace.Trace();
            trace.tool("search_tracks", Map.of(), () -> both.nearest(vectors.get(3), SearchFilter.NONE, 10));
            assertEquals(List.of(), trace.warnings(), "Qdrant answered");

            fake.stop();
            List<Hit> hits =
                    trace.tool("search_tracks", Map.of(), () -> both.nearest(vectors.get(3), SearchFilter.NONE, 10));
            assertEquals(lucene.nearest(vectors.get(3), SearchFilter.NONE, 10), hits);
            assertEquals(1, trace.warnings().size());
            assertTrue(
                    trace.warnings().get(0).contains("embedded index"),
                    trace.warnings().toString());
            assertEquals(Optional.of("fp-1"), both.fingerprint(), "starts on the embedded index when Qdrant is down");
            assertEquals(1, both.fallbacks());
        }
    }

    @Test
    void anIndexOnAnUnreachableServerStartsNotReadyAndOpensWhenItComesBack() throws Exception {
        dev.segue.catalog.Catalog catalog = new dev.segue.catalog.Catalog(
                tracks,
                new dev.segue.catalog.IngestReport(
                        "test", dev.segue.catalog.CatalogFormat.CSV, 400, 400, Map.of(), List.of(), "sum-1"));
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

    static SearchFilter complexFilter() {
        return new SearchFilter(
                List.of(Set.of("jazz", "folk"), Set.of("piano")),
                Set.of("sad"),
                Set.of(),
                Set.of("artist 3"),
                1970,
                2000,
                null,
                true,
                null,
                Set.of("t20"));
    }

    static SearchFilter randomFilter(Random r) {
        List<String> tags = List.of("jazz", "rock", "ambient", "folk", "calm", "sad", "happy", "piano");
        List<Set<String>> groups = new ArrayList<>();
        for (int g = r.nextInt(3); g > 0; g--) {
            groups.add(new HashSet<>(List.of(tags.get(r.nextInt(tags.size())), tags.get(r.nextInt(tags.size())))));
        }
        Set<String> exclude = r.nextInt(3) == 0 ? Set.of(tags.get(r.nextInt(tags.size()))) : Set.of();
        Set<String> artists = r.nextInt(6) == 0 ? Set.of("artist " + r.nextInt(37), "Blue Horizon") : Set.of();
        Set<String> excludeArtists = r.nextInt(4) == 0 ? Set.of("Artist " + r.nextInt(37)) : Set.of();
        Integer from = r.nextInt(3) == 0 ? 1960 + r.nextInt(40) : null;
        Integer to = r.nextInt(3) == 0 ? 1980 + r.nextInt(40) : null;
        Double maxDuration = r.nextInt(3) == 0 ? 200.0 + r.nextInt(300) : null;
        Double minInstrumental = r.nextInt(4) == 0 ? r.nextInt(10) / 10.0 : null;
        Set<String> ids = r.nextInt(3) == 0 ? Set.of("t" + r.nextInt(400), "t" + r.nextInt(400)) : Set.of();
        return new SearchFilter(
                groups, exclude, artists, excludeArtists, from, to, maxDuration, r.nextBoolean(), minInstrumental, ids);
    }

    /**
     * Same scores position by position, and the same tracks above the last score: among equal scores (tracks with
     * identical vectors) the engines may order differently, and a cut at k may keep different ones of them.
     */
    static void assertSameRanking(List<Hit> expected, List<Hit> actual, double eps) {
        assertEquals(expected.size(), actual.size(), () -> expected + "\n" + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(
                    expected.get(i).score(),
                    actual.get(i).score(),
                    eps,
                    "score at " + i + ": " + expected + "\n" + actual);
        }
        if (expected.isEmpty()) {
            return;
        }
        double last = expected.get(expected.size() - 1).score();
        assertEquals(above(expected, last, eps), above(actual, last, eps), () -> expected + "\n" + actual);
    }

    private static Set<String> above(List<Hit> hits, double score, double eps) {
        return hits.stream()
                .filter(h -> h.score() > score + eps)
                .map(Hit::trackId)
                .collect(Collectors.toSet());
    }

    private static List<String> strings(Value v) {
        return v.getListValue().getValuesList().stream()
                .map(Value::getStringValue)
                .toList();
    }
}
