package dev.segue.cli;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.config.SegueConfig;
import dev.segue.config.SegueConfig.VectorStoreKind;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.CatalogIndexer;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.NoTracksException;
import dev.segue.search.SearchIndex;
import dev.segue.search.VectorStore;
import dev.segue.search.VectorStoreUnavailable;
import dev.segue.search.VectorStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code segue ingest}: reads a catalog, reports rejected rows with reasons, and builds its index (in the data dir, or
 * the Qdrant collection of segue.qdrant.*), so the service started on the same catalog opens it at once.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Read a catalog, report bad rows, and build its index in the data dir (or load Qdrant).",
        footer = {
            "",
            "With --target qdrant, Qdrant is reached as the service reaches it:",
            "SEGUE_QDRANT_HOST, SEGUE_QDRANT_PORT, SEGUE_QDRANT_COLLECTION, ...",
            "After a failure, run the same command again: the load resumes."
        })
public class IngestCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FILE",
            description =
                    "a catalog: CSV or JSONL, optionally gzip-compressed; \"demo\" for the shipped Jamendo catalog")
    String file;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = "auto",
            description = "auto (detect from the header), jamendo, spotify, csv or jsonl (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description = "a .properties file: canonical column name = your column name")
    String mapping;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the embedded index goes (default: the data dir, SEGUE_DATA_DIR)")
    Path dataDir;

    @Option(
            names = "--target",
            paramLabel = "T",
            defaultValue = "embedded",
            description = "embedded (the index in the data dir) or qdrant (default: ${DEFAULT-VALUE})")
    VectorStoreKind target;

    @Option(names = "--dry-run", description = "read and report only; do not build the index")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final SegueConfig config;
    private final VectorStores stores;
    private final TextEmbedder embedder;

    IngestCommand(SegueConfig config, VectorStores stores, TextEmbedder embedder) {
        this.config = config;
        this.stores = stores;
        this.embedder = embedder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CatalogSource source = CatalogSource.of("demo".equals(file) ? null : file, format, mapping);
        ProgressBar progress = ProgressBar.console("ingest");
        Path dir = dataDir != null ? dataDir : Path.of(config.dataDir());
        if (dryRun || target == VectorStoreKind.QDRANT) {
            Catalog catalog = CatalogIngester.ingest(source, progress.child("reading catalog"));
            out.println(catalog.report().summary());
            if (catalog.size() == 0) {
                err.println("segue ingest: no track was accepted; nothing to index");
                return 1;
            }
            return dryRun ? 0 : loadQdrant(catalog, dir, out, err);
        }
        try (LuceneVectorStore store = stores.embedded(dir)) {
            SearchIndex index = CatalogIndexer.of(store, embedder).openOrBuild(source, progress);
            out.println(index.catalog().report().summary());
            out.printf(
                    "index %s at %s: %,d tracks, %,d distinct vectors (%s)%n",
                    store.name(),
                    dir.resolve("index"),
                    store.count(),
                    store.distinctVectors(),
                    index.rebuilt()
                            ? String.format(
                                    Locale.ROOT,
                                    "built in %.1f s, %,.0f tracks/s",
                                    index.openSeconds(),
                                    store.count() / index.openSeconds())
                            : "already up to date");
        } catch (NoTracksException e) {
            err.println("segue ingest: no track was accepted; nothing to index");
            return 1;
        }
        out.println("start the service on it with:  " + serveCommand(dir));
        return 0;
    }

    private int loadQdrant(Catalog catalog, Path dir, PrintWriter out, PrintWriter err) throws Exception {
        try (VectorStore store = stores.open(target, dir)) {
            SearchIndex index = SearchIndex.open(catalog, store, embedder, ProgressBar.console("ingest"));
            out.printf(
                    "index %s collection %s at %s: %,d tracks (%s in %.1f s)%n",
                    store.name(),
                    config.qdrant().collection(),
                    config.qdrant().endpoint(),
                    store.count(),
                    index.rebuilt() ? "built" : "already up to date",
                    index.openSeconds());
        } catch (VectorStoreUnavailable e) {
            err.println("segue ingest: " + e.getMessage()
                    + "\nsegue ingest: nothing is lost: run the same command again to resume the load");
            return 1;
        }
        out.println("start the service on it with:  " + serveCommand(dir));
        return 0;
    }

    private String serveCommand(Path dir) {
        String catalogPath = "demo".equals(file) ? "" : " SEGUE_CATALOG_PATH=" + file;
        String store = target == VectorStoreKind.QDRANT
                ? "SEGUE_VECTOR_STORE=qdrant SEGUE_QDRANT_HOST="
                        + config.qdrant().host() + " SEGUE_QDRANT_PORT="
                        + config.qdrant().port() + " SEGUE_QDRANT_COLLECTION="
                        + config.qdrant().collection()
                : "SEGUE_DATA_DIR=" + dir;
        return store + catalogPath + " ./segue";
    }
}
