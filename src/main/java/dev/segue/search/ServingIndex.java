package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.config.SegueConfig;
import dev.segue.config.SegueConfig.VectorStoreKind;
import dev.segue.embedding.TextEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The catalog the service serves (segue.catalog.*) and its index on the configured vector store, opened once; the
 * rest of the flow injects the index, the catalog and the vectors from here.
 */
@ApplicationScoped
class ServingIndex {

    private static final Logger LOG = Logger.getLogger(ServingIndex.class);

    @Produces
    @Singleton
    CatalogSource catalogSource(SegueConfig config) {
        try {
            return CatalogSource.of(
                    config.catalog().path().orElse(null),
                    config.catalog().format(),
                    config.catalog().mapping().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the catalog's index, building it the first time. The embedded index holds the catalog itself, so a restart
     * on the same file reads neither the file nor any vector onto the heap; a server store needs the catalog read and
     * may start not ready.
     */
    @Produces
    @Singleton
    SearchIndex searchIndex(SegueConfig config, CatalogSource source, VectorStores stores, TextEmbedder embedder) {
        try {
            ProgressBar progress = ProgressBar.console("catalog");
            SearchIndex index;
            if (config.vectorStore() == VectorStoreKind.EMBEDDED) {
                LuceneVectorStore store = stores.embedded(Path.of(config.dataDir()));
                index = CatalogIndexer.of(store, embedder).openOrBuild(source, progress);
                LOG.info(index.catalog().report().summary());
            } else {
                Catalog catalog = CatalogIngester.ingest(source, progress.child("reading catalog"));
                LOG.info(catalog.report().summary());
                index = SearchIndex.openWhenAvailable(
                        catalog, stores.serving(catalog), embedder, progress, Duration.ofSeconds(5));
            }
            if (index.ready()) {
                LOG.infof(
                        "index %s: %,d tracks (%s in %.2f s)",
                        index.backend().name(),
                        index.backend().count(),
                        index.rebuilt() ? "built" : "opened",
                        index.openSeconds());
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the catalog index", e);
        }
    }

    void close(@Disposes SearchIndex index) throws Exception {
        index.store().close();
    }

    @Produces
    @Singleton
    Catalog catalog(SearchIndex index) {
        return index.catalog();
    }

    @Produces
    @Singleton
    TrackVectors vectors(SearchIndex index) {
        return index.vectors();
    }
}
