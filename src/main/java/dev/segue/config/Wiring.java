package dev.segue.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.agent.LlmPlanner;
import dev.segue.agent.LlmStats;
import dev.segue.agent.Planners;
import dev.segue.agent.Prompts;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.dj.DjService;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.IntentParser;
import dev.segue.planner.Lexicon;
import dev.segue.planner.OfflinePlanner;
import dev.segue.playlist.Assembler;
import dev.segue.playlist.Explainer;
import dev.segue.playlist.PlaylistRepository;
import dev.segue.playlist.PlaylistService;
import dev.segue.profile.ProfileService;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.SearchIndex;
import dev.segue.search.SearchTools;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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
            return CatalogSource.of(
                    config.catalog().path().orElse(null),
                    config.catalog().format(),
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
            SearchIndex index = VectorStores.open(config, catalog, embedder, progress);
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

    /** The database playlists and DJ sessions live in: whichever datasource is active. */
    public record Database(DataSource dataSource) {}

    /** H2 by default, PostgreSQL when configured (see application.properties): exactly one is active. */
    @Produces
    @Singleton
    Database database(@Any InjectableInstance<AgroalDataSource> dataSources) {
        List<AgroalDataSource> active = dataSources.listActive();
        if (active.size() != 1) {
            throw new IllegalStateException(
                    "exactly one datasource must be active, found " + active.size()
                            + ": to use PostgreSQL set quarkus.datasource.active=false and quarkus.datasource.postgresql.active=true");
        }
        return new Database(active.get(0));
    }

    @Produces
    @Singleton
    BaselineScorer scorer(SearchTools tools) {
        return new BaselineScorer(tools);
    }

    @Produces
    @Singleton
    LlmStats llmStats() {
        return new LlmStats();
    }

    @Produces
    @Singleton
    Prompts prompts(SegueConfig config) {
        return new Prompts(Path.of(config.prompts().dir()));
    }

    /** The LLM planner exists only when a base URL is configured; otherwise every request is planned offline. */
    @Produces
    @Singleton
    Planners planners(
            SegueConfig config,
            OfflinePlanner offline,
            SearchTools tools,
            BaselineScorer scorer,
            TransformerRanker ranker,
            TextEmbedder embedder,
            Prompts prompts,
            LlmStats stats) {
        Optional<String> baseUrl = config.llm().baseUrl().filter(u -> !u.isBlank());
        if (baseUrl.isEmpty()) {
            LOG.info("planner: offline (no segue.llm.base-url configured)");
            return new Planners(offline, Optional.empty());
        }
        LlmPlanner llm = new LlmPlanner(
                config.llm(),
                baseUrl.get(),
                offline,
                tools,
                scorer,
                ranker,
                embedder,
                prompts,
                config.prompts().agent(),
                stats);
        LOG.infof(
                "planner: LLM %s at %s (prompt %s.%s), offline as fallback",
                llm.model(),
                baseUrl.get(),
                LlmPlanner.AGENT_PROMPT,
                config.prompts().agent());
        return new Planners(offline, Optional.of(llm));
    }

    @Produces
    @Singleton
    Explainer explainer(SearchIndex index) {
        return new Explainer(index.catalog());
    }

    /** The DJ's host speaks through the LLM when one is configured (prompts/dj-host.v1.md), else from templates. */
    @Produces
    @Singleton
    DjService djService(
            Database database,
            ObjectMapper json,
            OfflinePlanner offline,
            SearchTools tools,
            BaselineScorer scorer,
            IntentParser parser,
            Explainer explainer,
            Planners planners,
            Prompts prompts,
            SegueConfig config,
            ProfileService profiles) {
        ObjectMapper storage = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Optional<BiFunction<String, String, Optional<String>>> llm =
                planners.llm().map(l -> l::complete);
        return DjService.create(
                database.dataSource(),
                storage,
                offline,
                tools,
                scorer,
                parser,
                explainer,
                llm,
                prompts.find("dj-host", "v1"),
                config.dj(),
                profiles::forRequest);
    }

    void closeDj(@Disposes DjService dj) {
        dj.close();
    }

    @Produces
    @Singleton
    ProfileService profiles(Database database, SearchIndex index) {
        return new ProfileService(database.dataSource(), index.catalog(), index.vectors());
    }

    @Produces
    @Singleton
    PlaylistService playlistService(
            Planners planners,
            OfflinePlanner offline,
            BaselineScorer scorer,
            SearchIndex index,
            Explainer explainer,
            Database database,
            ObjectMapper json,
            CatalogSource source,
            SegueConfig config,
            ProfileService profiles,
            TransformerRanker ranker) {
        // Stored rows are read leniently so a newer build can read versions an older one wrote.
        ObjectMapper storage = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new PlaylistService(
                planners::choose,
                offline,
                scorer,
                ranker,
                new Assembler(index.vectors()),
                explainer,
                new PlaylistRepository(database.dataSource(), storage),
                index.catalog(),
                config.catalog().name().orElse(source.displayName()),
                profiles);
    }
}
