package dev.segue.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.IntentParser;
import dev.segue.planner.Lexicon;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Planner;
import dev.segue.playlist.Assembler;
import dev.segue.playlist.Explainer;
import dev.segue.playlist.PlaylistRepository;
import dev.segue.playlist.PlaylistService;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.SearchTools;
import dev.segue.api.ApiException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Builds the flow's parts once at start. The parts themselves are plain classes (the ingest command uses them
 * without a container); this is the only place that knows how they fit together.
 */
public class Wiring {

    private static final Logger LOG = Logger.getLogger(Wiring.class);

    @Produces
    @Singleton
    TextEmbedder embedder() {
        return new TextEmbedder();
    }

    void closeEmbedder(@Disposes TextEmbedder embedder) {
        embedder.close();
    }

    @Produces
    @Singleton
    CatalogSource catalogSource(SegueConfig config) {
        try {
            return CatalogSource.of(config.catalog().path().orElse(null), config.catalog().format(),
                    config.catalog().mapping().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the catalog and opens (or builds, the first time) its index; the service is ready once this returns. */
    @Produces
    @Singleton
    @Startup
    SearchIndex searchIndex(SegueConfig config, CatalogSource source, TextEmbedder embedder) {
        try {
            ProgressBar progress = ProgressBar.console("catalog");
            Catalog catalog = CatalogIngester.ingest(source, progress.child("reading catalog"));
            LOG.info(catalog.report().summary());
            LuceneVectorStore store = new LuceneVectorStore(Path.of(config.dataDir(), "index"));
            SearchIndex index = SearchIndex.open(catalog, store, embedder, progress);
            LOG.infof("index %s: %,d tracks at %s (%s in %.2f s)", store.name(), store.count(), store.location(),
                    index.rebuilt() ? "built" : "opened", index.openSeconds());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the catalog index", e);
        }
    }

    void closeIndex(@Disposes SearchIndex index) throws Exception {
        index.store().close();
    }

    @Produces
    @Singleton
    SearchTools searchTools(SearchIndex index, TextEmbedder embedder) {
        return new SearchTools(index, embedder);
    }

    @Produces
    @Singleton
    IntentParser intentParser(SearchTools tools, TextEmbedder embedder) {
        return new IntentParser(tools.catalog(), Lexicon.load(), embedder);
    }

    @Produces
    @Singleton
    OfflinePlanner offlinePlanner(IntentParser parser, SearchTools tools, TextEmbedder embedder) {
        return new OfflinePlanner(parser, tools, embedder);
    }

    /** The trained ranker, loaded at start; without a usable model it warns and playlists use the foundation scorer. */
    @Produces
    @Singleton
    @Startup
    TransformerRanker ranker(SearchIndex index, TextEmbedder embedder, SegueConfig config) {
        return TransformerRanker.load(config.ranker().model(), index.vectors(), embedder);
    }

    void closeRanker(@Disposes TransformerRanker ranker) {
        ranker.close();
    }

    @Produces
    @Singleton
    PlaylistService playlistService(OfflinePlanner offline, SearchTools tools, SearchIndex index, DataSource dataSource,
            ObjectMapper json, CatalogSource source, SegueConfig config, TransformerRanker ranker) {
        // Stored rows are read leniently so a newer build can read versions an older one wrote.
        ObjectMapper storage = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        PlaylistService.PlannerChoice planners = option -> choosePlanner(option, offline);
        return new PlaylistService(planners, offline, new BaselineScorer(tools), ranker, new Assembler(index.vectors()),
                new Explainer(index.catalog()), new PlaylistRepository(dataSource, storage), index.catalog(),
                config.catalog().name().orElse(source.displayName()));
    }

    private static Planner choosePlanner(String option, OfflinePlanner offline) {
        if ("llm".equals(option)) {
            throw ApiException.badRequest("options.planner is \"llm\", but no LLM is configured on this server "
                    + "(set segue.llm.base-url); use \"auto\" or \"offline\"", "options.planner");
        }
        return offline;
    }
}
