package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.ProgressBar;
import dev.segue.trace.Trace;
import io.grpc.Status;
import io.qdrant.client.grpc.Points.QueryPoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Qdrant failing, against {@link FakeQdrant}: transient failures retried with backoff, a slow server timed out, an
 * unreachable one failing fast until the circuit opens (and recloses when it is back), and the embedded fallback.
 */
class QdrantFaultToleranceTest extends QdrantStoreFixture {

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
            Trace trace = new Trace();
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
}
