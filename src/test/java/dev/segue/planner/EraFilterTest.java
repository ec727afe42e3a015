package dev.segue.planner;

import static dev.segue.Quantifiers.assertEvery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An era named in the prompt is a hard filter where the catalog has release years: on catalogs/eras.csv (pop, rock
 * and EDM from 2008 to 2021) and the Spotify sample (pop from 2018 and 2019), every candidate the offline planner
 * retrieves, and so every track a playlist can hold, is from the years the prompt named, in every language.
 */
class EraFilterTest {

    static TextEmbedder embedder;
    static Path dir;
    static LuceneVectorStore store;
    static OfflinePlanner eras;

    @BeforeAll
    static void open() throws Exception {
        embedder = TextEmbedder.open();
        dir = Files.createTempDirectory("segue-eras");
        store = new LuceneVectorStore(dir);
        eras = planner(catalog("src/test/resources/catalogs/eras.csv"), store);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
        embedder.close();
    }

    private static Catalog catalog(String path) throws IOException {
        return CatalogIngester.ingest(new CatalogSource(path, null, Map.of()), ProgressBar.SILENT);
    }

    private static OfflinePlanner planner(Catalog catalog, LuceneVectorStore store) throws IOException {
        SearchIndex index = SearchIndex.open(catalog, store, embedder, ProgressBar.SILENT);
        return new OfflinePlanner(
                IntentParsers.forCatalog(catalog, embedder), new SearchTools(index, embedder), embedder);
    }

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "pop from 2019 | 2019 | 2019",
                "pop in 2019 | 2019 | 2019",
                "2019 pop | 2019 | 2019",
                "pop since 2019 | 2019 | -",
                "pop from 2019 onwards | 2019 | -",
                "pop after 2019 | 2020 | -",
                "pop before 2010 | - | 2009",
                "rock from 2010 to 2012 | 2010 | 2012",
                "pop from the 2010s | 2010 | 2019",
                "pop de 2019 | 2019 | 2019",
                "canciones pop desde 2019 | 2019 | -",
                "pop de los años 2010 | 2010 | 2019",
                "músicas pop em 2019 | 2019 | 2019",
                "chansons pop de 2019 | 2019 | 2019",
                "musique pop depuis 2019 | 2019 | -",
                "Popmusik aus 2019 | 2019 | 2019",
                "Rock von 2010 bis 2012 | 2010 | 2012",
                "canzoni pop del 2019 | 2019 | 2019",
                "musica pop dal 2019 | 2019 | -"
            })
    void everyCandidateIsFromTheYearsNamed(String prompt, Integer from, Integer to) {
        Plan plan = eras.plan(PlanRequest.forPrompt(prompt), new Trace());
        assertEquals(from, plan.intent().yearFrom(), prompt);
        assertEquals(to, plan.intent().yearTo(), prompt);
        List<Track> tracks = plan.candidates().stream().map(c -> c.track()).toList();
        assertEvery(tracks, t -> within(t, from, to), prompt + ": every candidate from the years named");
    }

    @Test
    void popFrom2019OnTheSpotifySampleHasNoOtherYear() throws Exception {
        Catalog spotify = catalog("src/test/resources/catalogs/spotify-sample.csv");
        assertTrue(spotify.tracks().stream().anyMatch(t -> t.year() != 2019), "the sample has other years");
        Path sampleDir = Files.createTempDirectory("segue-spotify-eras");
        try (LuceneVectorStore sampleStore = new LuceneVectorStore(sampleDir)) {
            Plan plan = planner(spotify, sampleStore).plan(PlanRequest.forPrompt("pop from 2019"), new Trace());
            List<Track> tracks = plan.candidates().stream().map(c -> c.track()).toList();
            assertEvery(tracks, t -> t.year() == 2019, "pop from 2019");
        }
    }

    private static boolean within(Track track, Integer from, Integer to) {
        return track.year() != null && (from == null || track.year() >= from) && (to == null || track.year() <= to);
    }
}
