package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the embedded index from a catalog file: streamed, each distinct text embedded once, resumable. */
class CatalogIndexerTest {

    /** Small batches and frequent checkpoints, so a catalog of a few hundred texts has many of each. */
    private static final DistinctTexts.Batching SMALL = new DistinctTexts.Batching(16, 4);

    private static TextEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        embedder = TextEmbedder.open();
    }

    @AfterAll
    static void unload() {
        embedder.close();
    }

    /** The demo catalog's first rows, as a file of their own. */
    private CatalogSource catalogFile(int rows) throws IOException {
        Path file = dir.resolve("catalog.csv");
        try (BufferedReader demo = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(CatalogSource.demo().open()), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = demo.readLine(); line != null && lines.size() <= rows; line = demo.readLine()) {
                lines.add(line);
            }
            Files.write(file, lines);
        }
        return CatalogSource.of(file.toString(), "auto", null);
    }

    private Function<List<String>, List<float[]>> counting(AtomicInteger texts) {
        return batch -> {
            texts.addAndGet(batch.size());
            return embedder.embedAll(batch, ProgressBar.SILENT);
        };
    }

    @Test
    void buildsOnceThenOpensWithoutReadingTheFileAndServesTheSameCatalog() throws Exception {
        CatalogSource source = catalogFile(600);
        Catalog read = CatalogIngester.ingest(source, ProgressBar.SILENT);
        AtomicInteger embedded = new AtomicInteger();
        try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("index"))) {
            SearchIndex built =
                    new CatalogIndexer(store, counting(embedded), SMALL).openOrBuild(source, ProgressBar.SILENT);
            assertTrue(built.rebuilt());
            assertEquals(read.tracks(), built.catalog().tracks(), "tracks, popularity percentiles included");
            assertEquals(SearchIndex.fingerprint(read), store.fingerprint().orElseThrow());
            assertTrue(store.distinctVectors() < read.size(), "tags-only texts repeat");
            assertEquals(store.distinctVectors(), embedded.get(), "each distinct text embedded once");
            for (int i = 0; i < read.size(); i += 37) {
                assertArrayEquals(
                        embedder.embed(TrackText.of(read.at(i))),
                        built.vectors().of(read.at(i)),
                        1e-6f);
            }
        }
        embedded.set(0);
        try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("index"))) {
            SearchIndex reopened =
                    new CatalogIndexer(store, counting(embedded), SMALL).openOrBuild(source, ProgressBar.SILENT);
            assertFalse(reopened.rebuilt());
            assertEquals(0, embedded.get());
            assertEquals(read.tracks(), reopened.catalog().tracks());
            assertEquals(read.report(), reopened.catalog().report());
        }
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        CatalogSource source = catalogFile(200);
        try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("index"))) {
            CatalogIndexer indexer = CatalogIndexer.of(store, embedder);
            indexer.openOrBuild(source, ProgressBar.SILENT);
            Path file = Path.of(source.location());
            Files.setLastModifiedTime(
                    file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
            assertTrue(indexer.openOrBuild(source, ProgressBar.SILENT).rebuilt());
        }
    }

    @Test
    void aDamagedIndexIsRebuiltNotFatal() throws Exception {
        CatalogSource source = catalogFile(100);
        try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("index"))) {
            CatalogIndexer.of(store, embedder).openOrBuild(source, ProgressBar.SILENT);
        }
        IndexLayout.deleteRecursively(
                new LuceneIndexFiles(dir.resolve("index")).current().vectorsDir());
        try (LuceneVectorStore store = new LuceneVectorStore(dir.resolve("index"))) {
            assertTrue(store.fingerprint().isEmpty(), "a damaged index reads as none");
            SearchIndex rebuilt = CatalogIndexer.of(store, embedder).openOrBuild(source, ProgressBar.SILENT);
            assertTrue(rebuilt.rebuilt());
            assertEquals(100, store.count());
        }
    }

    @Test
    void aBuildThatDiesIsResumedAndEndsWithTheSameIndex() throws Exception {
        CatalogSource source = catalogFile(1_500);
        Path clean = dir.resolve("clean");
        try (LuceneVectorStore store = new LuceneVectorStore(clean)) {
            CatalogIndexer.of(store, embedder).openOrBuild(source, ProgressBar.SILENT);
        }
        Path resumed = dir.resolve("resumed");
        AtomicInteger batches = new AtomicInteger();
        Function<List<String>, List<float[]>> dying = batch -> {
            if (batches.incrementAndGet() > 20) {
                throw new UncheckedIOException(new IOException("killed"));
            }
            return embedder.embedAll(batch, ProgressBar.SILENT);
        };
        try (LuceneVectorStore store = new LuceneVectorStore(resumed)) {
            assertThrows(
                    IOException.class,
                    () -> new CatalogIndexer(store, dying, SMALL).openOrBuild(source, ProgressBar.SILENT));
            assertTrue(store.fingerprint().isEmpty(), "no index until a build finishes");
        }
        AtomicInteger embedded = new AtomicInteger();
        try (LuceneVectorStore store = new LuceneVectorStore(resumed)) {
            new CatalogIndexer(store, counting(embedded), SMALL).openOrBuild(source, ProgressBar.SILENT);
            int distinct = store.distinctVectors();
            assertTrue(distinct > 25 * 16, "enough texts to die halfway: " + distinct);
            assertTrue(
                    embedded.get() <= distinct - 20 * 16,
                    "the 20 checkpointed batches are not embedded again: " + embedded.get() + " of " + distinct);
        }
        assertArrayEquals(
                Files.readAllBytes(new LuceneIndexFiles(clean).current().vectorFile()),
                Files.readAllBytes(new LuceneIndexFiles(resumed).current().vectorFile()));
        assertArrayEquals(
                Files.readAllBytes(new LuceneIndexFiles(clean).current().snapshotFile()),
                Files.readAllBytes(new LuceneIndexFiles(resumed).current().snapshotFile()));
    }
}
