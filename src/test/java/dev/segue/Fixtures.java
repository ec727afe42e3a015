package dev.segue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.IntentParser;
import dev.segue.planner.Lexicon;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The demo catalog and the embedding model, loaded once per test JVM for the plain unit tests. */
public final class Fixtures {

    private static Catalog demo;
    private static TextEmbedder embedder;
    private static IntentParser parser;

    private Fixtures() {
    }

    public static synchronized Catalog demo() {
        if (demo == null) {
            try {
                demo = CatalogIngester.ingest(CatalogSource.demo(), ProgressBar.SILENT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demo;
    }

    public static synchronized TextEmbedder embedder() {
        if (embedder == null) {
            embedder = new TextEmbedder();
        }
        return embedder;
    }

    public static synchronized IntentParser parser() {
        if (parser == null) {
            parser = new IntentParser(demo(), Lexicon.load(), embedder());
        }
        return parser;
    }
}
