package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogFormat;
import dev.segue.catalog.IngestReport;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchIndex#openWhenAvailable} on a store that fails as scripted: it opens at once when the store answers,
 * throws a first failure that is not the store being unavailable, and otherwise starts not ready and tries again
 * every interval, whatever fails meanwhile, until the store answers.
 */
class IndexOpenerTest {

    static final Duration EVERY = Duration.ofMillis(150);

    final List<float[]> vectors = new ArrayList<>();
    final Catalog catalog = new Catalog(
            QdrantStoreFixture.tracks(vectors, 20),
            new IngestReport("test", CatalogFormat.CSV, 20, 20, Map.of(), List.of(), "sum-1"));

    @Test
    void opensAtOnceOnTheCallersThreadWhenTheStoreAnswers() throws Exception {
        ScriptedStore store = new ScriptedStore(List.of());
        SearchIndex index = SearchIndex.openWhenAvailable(catalog, store, null, ProgressBar.SILENT, EVERY);
        assertTrue(index.ready());
        assertEquals(List.of(Thread.currentThread().getName()), store.threads);
    }

    @Test
    void aFirstFailureThatIsNotTheStoreBeingUnavailableIsThrown() throws Exception {
        ScriptedStore store = new ScriptedStore(List.of(new IllegalStateException("a bug")));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> SearchIndex.openWhenAvailable(catalog, store, null, ProgressBar.SILENT, EVERY));
        assertEquals("a bug", e.getMessage());
        Thread.sleep(3 * EVERY.toMillis());
        assertEquals(1, store.tries(), "not tried again");
    }

    @Test
    void startsNotReadyThenTriesEveryIntervalUntilTheStoreAnswers() throws Exception {
        VectorStoreUnavailable down = new VectorStoreUnavailable("down", 1, null);
        VectorStoreUnavailable other = new VectorStoreUnavailable("down otherwise", 1, null);
        ScriptedStore store =
                new ScriptedStore(List.of(down, down, other, new IllegalStateException("meanwhile, a bug"), other));
        SearchIndex index = SearchIndex.openWhenAvailable(catalog, store, null, ProgressBar.SILENT, EVERY);
        assertFalse(index.ready());
        assertEquals("down", index.problem());

        for (int i = 0; i < 100 && !index.ready(); i++) {
            Thread.sleep(50);
        }
        assertTrue(index.ready(), "opened once the store answered: " + index.problem());
        assertNull(index.problem());
        assertEquals(6, store.tries(), "five failures, then the answer");
        for (int i = 1; i < store.times.size(); i++) {
            long waited = store.times.get(i) - store.times.get(i - 1);
            assertTrue(waited >= EVERY.toMillis() - 5, "try " + i + " came " + waited + " ms after the one before");
        }
        assertFalse(
                store.threads
                        .subList(1, store.threads.size())
                        .contains(Thread.currentThread().getName()),
                "retries run in the background: " + store.threads);
    }

    /** A store whose fingerprint lookups fail as scripted, then answer with the catalog's. */
    final class ScriptedStore implements VectorStore {
        final List<RuntimeException> failures;
        final List<Long> times = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        ScriptedStore(List<RuntimeException> failures) {
            this.failures = failures;
        }

        int tries() {
            return times.size();
        }

        @Override
        public Optional<String> fingerprint() {
            int attempt = times.size();
            times.add(System.nanoTime() / 1_000_000);
            threads.add(Thread.currentThread().getName());
            if (attempt < failures.size()) {
                throw failures.get(attempt);
            }
            return Optional.of(SearchIndex.fingerprint(catalog));
        }

        @Override
        public void readVectors(BiConsumer<String, float[]> sink) {
            for (int i = 0; i < catalog.size(); i++) {
                sink.accept(catalog.tracks().get(i).id(), vectors.get(i));
            }
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) {
            throw new AssertionError("the store holds this catalog: nothing to rebuild");
        }

        @Override
        public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
            return List.of();
        }

        @Override
        public List<Hit> lexical(String text, SearchFilter filter, int k) {
            return List.of();
        }

        @Override
        public int count() {
            return catalog.size();
        }

        @Override
        public void close() {}
    }
}
