package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest {

    private static final String[] GENRES = {"jazz", "rock", "ambient", "folk"};
    private static final String[] MOODS = {"calm", "sad", "happy"};

    @TempDir
    Path dir;

    private final List<Track> tracks = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    @BeforeEach
    void catalog() {
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            tracks.add(new Track(
                    "t" + i,
                    "Song " + i,
                    i % 40 == 0 ? "Blue Horizon" : "Artist " + (i % 37),
                    null,
                    1960 + i % 60,
                    120 + i,
                    List.of(GENRES[i % 4]),
                    List.of(MOODS[i % 3]),
                    i % 5 == 0 ? List.of("piano") : List.of(),
                    null,
                    null,
                    null,
                    null,
                    i % 50 == 0));
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(Vectors.normalize(v));
        }
    }

    private LuceneVectorStore built() throws Exception {
        LuceneVectorStore store = new LuceneVectorStore(dir);
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        return store;
    }

    @Test
    void nearestMatchesExactSearchAndReportsCosines() throws Exception {
        try (LuceneVectorStore store = built()) {
            float[] query = vectors.get(3);
            List<Hit> hits = store.nearest(query, SearchFilter.NONE, 10);
            List<String> exact = IntStream.range(0, tracks.size())
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -Vectors.dot(query, vectors.get(i))))
                    .limit(10)
                    .map(i -> "t" + i)
                    .toList();
            assertEquals(exact, hits.stream().map(Hit::trackId).toList());
            assertEquals(1.0, hits.get(0).score(), 1e-5);
        }
    }

    @Test
    void filtersAreAndOfAnyOfGroupsWithExclusionsYearsAndExplicit() throws Exception {
        try (LuceneVectorStore store = built()) {
            SearchFilter filter = SampleFilters.complex();
            List<Hit> hits = store.nearest(vectors.get(0), filter, 400);
            assertFalse(hits.isEmpty());
            Map<String, Track> byId = new HashMap<>();
            tracks.forEach(t -> byId.put(t.id(), t));
            int expected =
                    (int) tracks.stream().filter(t -> Filters.allows(filter, t)).count();
            assertEquals(expected, hits.size(), "the store and the in-memory filter agree");
            for (Hit hit : hits) {
                Track t = byId.get(hit.trackId());
                assertTrue(Filters.allows(filter, t), t.toString());
                assertTrue(t.genres().contains("jazz") || t.genres().contains("folk"));
                assertTrue(t.instruments().contains("piano"));
                assertFalse(t.moods().contains("sad"));
                assertTrue(t.year() >= 1970 && t.year() <= 2000);
                assertFalse(Boolean.TRUE.equals(t.explicit()));
                assertFalse(t.artist().equals("Artist 3"));
            }
        }
    }

    @Test
    void exclusionListsLongerThanLucenesClauseLimitStillFilter() throws Exception {
        // A long DJ session excludes every track it has played: thousands of ids, past BooleanQuery's 1,024 clauses.
        Set<String> played = new HashSet<>();
        IntStream.range(0, 350).forEach(i -> played.add("t" + i));
        IntStream.range(0, 1_200).forEach(i -> played.add("gone-" + i)); // ids no longer in the catalog
        Set<String> bannedArtists = new HashSet<>(Set.of("Artist 1"));
        IntStream.range(0, 1_100).forEach(i -> bannedArtists.add("Nobody " + i));
        SearchFilter filter =
                new SearchFilter(List.of(), Set.of(), Set.of(), bannedArtists, null, null, null, false, null, played);
        try (LuceneVectorStore store = built()) {
            List<Hit> hits = store.nearest(vectors.get(360), filter, 400);
            long expected =
                    tracks.stream().filter(t -> Filters.allows(filter, t)).count();
            assertEquals(expected, hits.size());
            assertTrue(expected > 0 && expected < 50, "only unplayed tracks by other artists: " + expected);
            assertTrue(hits.stream().noneMatch(h -> played.contains(h.trackId())));
            assertFalse(store.lexical("song", filter, 400).isEmpty());
        }
    }

    @Test
    void lexicalFindsNamesAndRebuildsAreFingerprinted() throws Exception {
        try (LuceneVectorStore store = built()) {
            List<Hit> hits = store.lexical("blue horizon", SearchFilter.NONE, 20);
            assertEquals(10, hits.size());
            assertTrue(hits.stream().allMatch(h -> Integer.parseInt(h.trackId().substring(1)) % 40 == 0));
            assertEquals(Optional.of("fp-1"), store.fingerprint());
        }
        try (LuceneVectorStore reopened = new LuceneVectorStore(dir)) {
            assertEquals(400, reopened.count());
            Map<String, float[]> read = new HashMap<>();
            reopened.readVectors(read::put);
            assertEquals(400, read.size());
            assertEquals(1.0, Vectors.dot(read.get("t7"), vectors.get(7)), 1e-5);
        }
    }
}
