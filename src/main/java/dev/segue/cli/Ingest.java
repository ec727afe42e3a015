package dev.segue.cli;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.QdrantCollection;
import dev.segue.search.QdrantSettings;
import dev.segue.search.QdrantVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.VectorStore;
import dev.segue.search.VectorStoreUnavailable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./segue ingest}: reads a catalog, reports rejected rows with reasons, and builds its index in the data dir,
 * so the service started on the same catalog opens it at once. Runs without the server (plain Java, no container).
 */
public final class Ingest {

    private static final String USAGE = """
            usage: ./segue ingest [options] FILE|demo
              FILE            a catalog: CSV or JSONL, optionally gzip-compressed; "demo" for the shipped Jamendo catalog
              --format F      auto (default: detect from the header), jamendo, spotify, csv or jsonl
              --mapping FILE  a .properties file: canonical column name = your column name (see README)
              --data-dir DIR  where the index goes (default: $SEGUE_DATA_DIR or ./data)
              --target T      embedded (default: the index in the data dir) or qdrant: load the Qdrant collection
                              named by $SEGUE_QDRANT_COLLECTION at $SEGUE_QDRANT_HOST:$SEGUE_QDRANT_PORT (gRPC, 6334),
                              in batches of $SEGUE_QDRANT_BATCH_SIZE; run it again after a failure to resume
              --qdrant H:P    the Qdrant gRPC endpoint (overrides $SEGUE_QDRANT_HOST and $SEGUE_QDRANT_PORT)
              --collection C  the Qdrant collection (overrides $SEGUE_QDRANT_COLLECTION)
              --batch-size N  points per upsert (overrides $SEGUE_QDRANT_BATCH_SIZE, default 256)
              --dry-run       read and report only; do not build the index
            """;

    private Ingest() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String format = "auto";
        String mapping = null;
        String dataDir = System.getenv().getOrDefault("SEGUE_DATA_DIR", "./data");
        boolean dryRun = false;
        String target = "embedded";
        QdrantSettings settings;
        List<String> files = new ArrayList<>();
        try {
            settings = QdrantSettings.fromEnvironment(System.getenv());
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--format" -> format = args[++i];
                    case "--mapping" -> mapping = args[++i];
                    case "--data-dir" -> dataDir = args[++i];
                    case "--dry-run" -> dryRun = true;
                    case "--target" -> target = args[++i];
                    case "--qdrant" -> {
                        String[] hostPort = args[++i].split(":");
                        settings = settings.withEndpoint(
                                hostPort[0], hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : settings.port());
                    }
                    case "--collection" -> settings = settings.withCollection(args[++i]);
                    case "--batch-size" -> settings = settings.withBatchSize(Integer.parseInt(args[++i]));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(args[i]);
                    }
                }
            }
            if (files.size() != 1) {
                throw new IllegalArgumentException("give exactly one catalog file (or \"demo\")");
            }
            if (!target.equals("embedded") && !target.equals("qdrant")) {
                throw new IllegalArgumentException("--target must be embedded or qdrant");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) { // NumberFormatException included
            System.err.println("segue ingest: "
                    + (e instanceof ArrayIndexOutOfBoundsException ? "an option needs a value" : e.getMessage()));
            System.err.print(USAGE);
            return 2;
        }
        try {
            String file = files.get(0);
            CatalogSource source = CatalogSource.of("demo".equals(file) ? null : file, format, mapping);
            ProgressBar progress = ProgressBar.console("ingest");
            Catalog catalog = CatalogIngester.ingest(source, progress.child("reading catalog"));
            System.out.println(catalog.report().summary());
            if (catalog.size() == 0) {
                System.err.println("segue ingest: no track was accepted; nothing to index");
                return 1;
            }
            if (dryRun) {
                return 0;
            }
            boolean qdrant = target.equals("qdrant");
            String where = qdrant
                    ? "collection " + settings.collection() + " at " + settings.endpoint()
                    : "at " + Path.of(dataDir, "index");
            try (TextEmbedder embedder = new TextEmbedder();
                    VectorStore store = qdrant
                            ? new QdrantVectorStore(
                                    settings,
                                    QdrantCollection.load(settings.definition().orElse(null)),
                                    TextEmbedder.DIMENSION)
                            : new LuceneVectorStore(Path.of(dataDir, "index"))) {
                SearchIndex index = SearchIndex.open(catalog, store, embedder, progress);
                System.out.printf(
                        "index %s %s: %,d tracks (%s in %.1f s)%n",
                        store.name(),
                        where,
                        store.count(),
                        index.rebuilt() ? "built" : "already up to date",
                        index.openSeconds());
            }
            String catalogPath = "demo".equals(file) ? "" : " SEGUE_CATALOG_PATH=" + file;
            System.out.println("start the service on it with:  "
                    + (qdrant
                            ? "SEGUE_VECTOR_STORE=qdrant SEGUE_QDRANT_HOST=" + settings.host() + " SEGUE_QDRANT_PORT="
                                    + settings.port() + " SEGUE_QDRANT_COLLECTION=" + settings.collection()
                            : "SEGUE_DATA_DIR=" + dataDir)
                    + catalogPath + " ./segue");
            return 0;
        } catch (VectorStoreUnavailable e) {
            System.err.println("segue ingest: " + e.getMessage()
                    + "\nsegue ingest: nothing is lost: run the same command again to resume the load");
            return 1;
        } catch (Exception e) {
            System.err.println("segue ingest: " + e.getMessage());
            return 1;
        }
    }
}
