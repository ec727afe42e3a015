package dev.segue.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.FakeQdrant;
import dev.segue.search.FakeQdrantContents;
import dev.segue.search.FakeQdrantContents.StoredPoint;
import dev.segue.search.QdrantCollection;
import dev.segue.search.QdrantCollectionAdmin;
import dev.segue.search.QdrantPoints;
import dev.segue.search.QdrantVectorStore;
import dev.segue.search.SearchIndex;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline (DirectRunner, several threads) against {@code segue ingest --target qdrant} (the service's catalog
 * ingester, {@link SearchIndex} and Qdrant adapter), each into its own in-process Qdrant stand-in: the same points
 * (ids, payloads, sparse vectors exactly, dense vectors within float tolerance) and the same collection metadata, so
 * the service opens the pipeline's collection without rebuilding.
 */
class PipelineParityTest {

    static final String COLLECTION = "segue_pipeline_test";
    /** Dense vectors are embedded in other batches (other padding) by the two loads: equal up to float rounding. */
    static final float VECTOR_TOLERANCE = 1e-5f;

    static TextEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        embedder = TextEmbedder.open();
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void aCanonicalCsvLoadsExactlyThePointsOfSegueIngest() throws Exception {
        Map<String, StoredPoint> points = assertSameLoad(resource("canonical-50.csv"));
        assertTrue(
                points.values().stream().anyMatch(p -> p.sparse().isEmpty()),
                "the catalog has a track whose names hold no term (a point without sparse vector)");
    }

    /** Jamendo rows, gzip-compressed; popularity is a percentile over the whole file. */
    @Test
    void aJamendoCatalogLoadsExactlyThePointsOfSegueIngest() throws Exception {
        assertSameLoad(resource("jamendo-60.csv.gz"));
    }

    @Test
    void shardsLoadThePointsOfTheWholeFileWithTheirOwnFingerprint() throws Exception {
        Path whole = resource("canonical-50.csv");
        List<String> lines = Files.readAllLines(whole);
        Path shards = Files.createDirectories(dir.resolve("shards"));
        // The id t3 is in both halves: the first shard's row wins, as the first row of one file does.
        Files.write(shards.resolve("part-0.csv"), lines.subList(0, 30));
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(30, lines.size()));
        second.add("t3,Duplicate of t3 again,Artist 3,,1999,200,rock,,,,,,,");
        Files.write(shards.resolve("part-1.csv"), second);
        try (FakeQdrant service = new FakeQdrant();
                FakeQdrant pipeline = new FakeQdrant()) {
            ingestAsTheServiceDoes(whole, service);
            assertEquals(
                    PipelineResult.State.DONE,
                    runPipeline(shards.resolve("part-*.csv").toString(), pipeline));
            Map<String, StoredPoint> expected = FakeQdrantContents.points(service, COLLECTION);
            Map<String, StoredPoint> actual = FakeQdrantContents.points(pipeline, COLLECTION);
            assertSamePoints(withoutFingerprint(expected), withoutFingerprint(actual));
            Map<String, Value> metadata = FakeQdrantContents.metadata(pipeline, COLLECTION);
            assertEquals(
                    FakeQdrantContents.metadata(service, COLLECTION).get(QdrantCollectionAdmin.META_COUNT),
                    metadata.get(QdrantCollectionAdmin.META_COUNT));
            String fingerprint =
                    metadata.get(QdrantCollectionAdmin.META_FINGERPRINT).getStringValue();
            assertFalse(fingerprint.isEmpty(), "the load is complete");
            actual.values()
                    .forEach(p -> assertEquals(
                            fingerprint,
                            p.payload().get(QdrantPoints.FINGERPRINT).getStringValue()));
        }
    }

    /** Loads the catalog both ways and compares; answers the points. */
    private Map<String, StoredPoint> assertSameLoad(Path catalog) throws Exception {
        try (FakeQdrant service = new FakeQdrant();
                FakeQdrant pipeline = new FakeQdrant()) {
            Catalog ingested = ingestAsTheServiceDoes(catalog, service);
            assertEquals(PipelineResult.State.DONE, runPipeline(catalog.toString(), pipeline));

            Map<String, StoredPoint> expected = FakeQdrantContents.points(service, COLLECTION);
            assertEquals(ingested.size(), expected.size());
            assertSamePoints(expected, FakeQdrantContents.points(pipeline, COLLECTION));
            Map<String, Value> metadata = FakeQdrantContents.metadata(pipeline, COLLECTION);
            assertEquals(FakeQdrantContents.metadata(service, COLLECTION), metadata);
            assertEquals(
                    SearchIndex.fingerprint(ingested),
                    metadata.get(QdrantCollectionAdmin.META_FINGERPRINT).getStringValue());

            // SEGUE_VECTOR_STORE=qdrant ./segue on the same catalog: opens the pipeline's collection as it is.
            try (QdrantVectorStore store = store(pipeline)) {
                SearchIndex index = SearchIndex.open(ingested, store, embedder, ProgressBar.SILENT);
                assertFalse(index.rebuilt(), "the service would rebuild the pipeline's collection");
                assertTrue(ingested.tracks().stream().allMatch(t -> index.vector(t) != null), "a track without vector");
            }
            return expected;
        }
    }

    static void assertSamePoints(Map<String, StoredPoint> expected, Map<String, StoredPoint> actual) {
        assertFalse(expected.isEmpty(), "the service's load wrote no point");
        assertEquals(expected.keySet(), actual.keySet(), "point ids");
        expected.forEach((id, want) -> {
            StoredPoint got = actual.get(id);
            assertEquals(want.payload(), got.payload(), "payload of " + id);
            assertEquals(want.sparse(), got.sparse(), "sparse vectors of " + id);
            assertEquals(want.dense().keySet(), got.dense().keySet(), "dense vectors of " + id);
            want.dense().forEach((name, vector) -> {
                float[] other = got.dense().get(name);
                assertEquals(vector.length, other.length);
                for (int d = 0; d < vector.length; d++) {
                    assertEquals(vector[d], other[d], VECTOR_TOLERANCE, name + "[" + d + "] of " + id);
                }
            });
        });
    }

    private static Map<String, StoredPoint> withoutFingerprint(Map<String, StoredPoint> points) {
        Map<String, StoredPoint> out = new HashMap<>();
        points.forEach((id, p) -> {
            Map<String, Value> payload = new HashMap<>(p.payload());
            assertNotEquals(null, payload.remove(QdrantPoints.FINGERPRINT), "every point carries the fingerprint");
            out.put(id, new StoredPoint(p.dense(), p.sparse(), payload));
        });
        return out;
    }

    /** {@code segue ingest --target qdrant FILE}: IngestCommand's steps with the service's own classes. */
    private static Catalog ingestAsTheServiceDoes(Path catalog, FakeQdrant qdrant) throws IOException {
        Catalog ingested =
                CatalogIngester.ingest(new CatalogSource(catalog.toString(), null, Map.of()), ProgressBar.SILENT);
        try (QdrantVectorStore store = store(qdrant)) {
            SearchIndex.open(ingested, store, embedder, ProgressBar.SILENT);
        }
        return ingested;
    }

    private static PipelineResult.State runPipeline(String catalog, FakeQdrant qdrant) throws IOException {
        CatalogLoadOptions options = PipelineOptionsFactory.fromArgs(
                        "--catalog=" + catalog,
                        "--runner=DirectRunner",
                        "--targetParallelism=3",
                        "--textGroups=4",
                        "--embedBatchSize=8")
                .as(CatalogLoadOptions.class);
        return LoadCatalog.run(options, target(qdrant));
    }

    private static QdrantTarget target(FakeQdrant qdrant) {
        // Small batches, so a load is several upserts from several threads; deadlines generous for a loaded machine.
        return new QdrantTarget(Map.of(
                "port", String.valueOf(qdrant.port()),
                "collection", COLLECTION,
                "batch-size", "16",
                "write-timeout", "30s",
                "call-timeout", "10s"));
    }

    private static QdrantVectorStore store(FakeQdrant qdrant) {
        return new QdrantVectorStore(target(qdrant).settings(), QdrantCollection.load(null), TextEmbedder.DIMENSION);
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/catalogs/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
