package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a real Qdrant, when {@code QDRANT_URL} names its gRPC endpoint (e.g. http://localhost:6334;
 * https for TLS; {@code QDRANT_API_KEY} if it needs one). It creates a collection of its own, loads 400 tracks,
 * compares searches with filters and name searches with the embedded index, resumes a load, and checks the fallback;
 * {@code QDRANT_STOP_COMMAND} / {@code QDRANT_START_COMMAND} (e.g. "docker stop qdrant") make it stop the real
 * server for that, otherwise an unused port stands in for a stopped server. Skipped, and says so, without QDRANT_URL.
 * {@code QDRANT_URL=fake} runs it against {@link FakeQdrant}: a check of this suite, not of Qdrant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QdrantRealServerTest {

    static final int DIM = QdrantStoreFixture.DIM;
    static final List<float[]> VECTORS = new ArrayList<>();
    static final List<Track> TRACKS = QdrantStoreFixture.tracks(VECTORS, 400);
    static final String COLLECTION = "segue_it_" + UUID.randomUUID().toString().substring(0, 8);

    static FakeQdrant fake;
    static SegueConfig.Qdrant settings;
    static Map<String, String> properties;
    static QdrantVectorStore store;

    @TempDir
    static Path dir;

    @BeforeAll
    static void connect() {
        String url = System.getenv("QDRANT_URL");
        if (url == null || url.isBlank()) {
            System.out.println("QdrantRealServerTest: QDRANT_URL is not set: skipped the real-Qdrant suite"
                    + " (set it to a Qdrant gRPC endpoint, e.g. QDRANT_URL=http://localhost:6334)");
        }
        if (url == null || url.isBlank()) {
            return;
        }
        if (url.equals("fake")) {
            fake = new FakeQdrant();
            properties = Map.of("port", String.valueOf(fake.port()), "collection", COLLECTION);
            settings = QdrantTestSettings.fast(fake.port(), properties);
        } else {
            URI uri = URI.create(url);
            Map<String, String> real = new HashMap<>(Map.of(
                    "host", uri.getHost(),
                    "port", String.valueOf(uri.getPort() < 0 ? 6334 : uri.getPort()),
                    "use-tls", String.valueOf("https".equals(uri.getScheme())),
                    "collection", COLLECTION,
                    "call-timeout", "5s",
                    "retry-base-delay", "200ms",
                    "retry-max-delay", "2s",
                    "circuit-breaker-delay", "5s",
                    "batch-size", "128"));
            Optional.ofNullable(System.getenv("QDRANT_API_KEY")).ifPresent(key -> real.put("api-key", key));
            properties = real;
            settings = QdrantTestSettings.of(real);
        }
        System.out.println("QdrantRealServerTest: against " + settings.endpoint() + ", collection " + COLLECTION);
        store = QdrantStoreFixture.store(settings);
    }

    @BeforeEach
    void requireServer() {
        Assumptions.assumeTrue(store != null, "QDRANT_URL is not set: real-Qdrant suite skipped");
    }

    @AfterAll
    static void dropCollection() throws Exception {
        if (store == null) {
            return;
        }
        store.close();
        if (fake != null) {
            fake.close();
            return;
        }
        QdrantGrpcClient.Builder b =
                QdrantGrpcClient.newBuilder(settings.host(), settings.port(), settings.useTls(), false);
        settings.apiKey().ifPresent(b::withApiKey);
        try (QdrantClient client = new QdrantClient(b.build())) {
            client.deleteCollectionAsync(COLLECTION).get();
        }
    }

    @Test
    @Order(1)
    void createsTheCollectionAndLoadsIdempotently() {
        assertEquals(Optional.empty(), store.fingerprint(), "a new collection, created from the definition");
        // Loading again (more tracks, same content id) overwrites points by their stable ids: no duplicates.
        store.replaceAll(TRACKS.subList(0, 200), VECTORS.subList(0, 200), "fp-it", ProgressBar.SILENT);
        store.replaceAll(TRACKS, VECTORS, "fp-it", ProgressBar.SILENT);
        assertEquals(Optional.of("fp-it"), store.fingerprint());
        assertEquals(400, store.count());
        assertTrue(store.health().up(), store.health().toString());
        Map<String, float[]> read = new HashMap<>();
        store.readVectors(read::put);
        assertEquals(400, read.size());
    }

    @Test
    @Order(2)
    void searchesWithFiltersAnswerLikeTheEmbeddedIndex() throws Exception {
        try (LuceneVectorStore lucene = new LuceneVectorStore(dir.resolve("lucene"))) {
            lucene.replaceAll(TRACKS, VECTORS, "fp-it", ProgressBar.SILENT);
            Random random = new Random(5);
            List<SearchFilter> filters = new ArrayList<>(List.of(SearchFilter.NONE, SampleFilters.complex()));
            for (int i = 0; i < 20; i++) {
                filters.add(QdrantStoreFixture.randomFilter(random));
            }
            for (SearchFilter filter : filters) {
                QdrantStoreFixture.assertSameRanking(
                        lucene.nearest(VECTORS.get(2), filter, 10), store.nearest(VECTORS.get(2), filter, 10), 1e-4);
                QdrantStoreFixture.assertFindsWhatTheFilterAllows(store, TRACKS, VECTORS.get(1), filter);
                QdrantStoreFixture.assertSameRanking(
                        lucene.lexical("blue horizon song", filter, 20),
                        store.lexical("blue horizon song", filter, 20),
                        1e-3);
            }
        }
    }

    @Test
    @Order(3)
    void whenTheServerStopsSearchesFailFastOrFallBack() throws Exception {
        String stop = System.getenv("QDRANT_STOP_COMMAND");
        String start = System.getenv("QDRANT_START_COMMAND");
        QdrantVectorStore stopped;
        if (stop != null && start != null) {
            run(stop);
            stopped = store;
        } else {
            int unused;
            try (ServerSocket socket = new ServerSocket(0)) {
                unused = socket.getLocalPort();
            }
            Map<String, String> unreachable = new HashMap<>(properties);
            unreachable.putAll(Map.of("host", "localhost", "port", String.valueOf(unused)));
            stopped = QdrantStoreFixture.store(QdrantTestSettings.fast(unused, unreachable));
        }
        try (LuceneVectorStore lucene = new LuceneVectorStore(dir.resolve("lucene"))) {
            long t0 = System.nanoTime();
            assertThrows(VectorStoreUnavailable.class, () -> stopped.nearest(VECTORS.get(0), SearchFilter.NONE, 5));
            assertTrue((System.nanoTime() - t0) / 1e9 < 20, "bounded by timeouts and retries");
            assertFalse(stopped.health().up());
            FallbackVectorStore both = new FallbackVectorStore(stopped, lucene);
            assertEquals(
                    lucene.nearest(VECTORS.get(0), SearchFilter.NONE, 5),
                    both.nearest(VECTORS.get(0), SearchFilter.NONE, 5));
        } finally {
            if (stop != null && start != null) {
                run(start);
            } else {
                stopped.close();
            }
        }
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertEquals(0, p.waitFor(), command);
    }
}
