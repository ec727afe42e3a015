package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded index past {@link GroupedNearest#EXACT_VECTOR_LIMIT} distinct vectors, where HNSW answers: many tracks
 * share each vector (as tags-only texts do), and results must match an exact scan of the tracks, filters included.
 */
class GroupedNearestTest {

    private static final int VECTORS = GroupedNearest.EXACT_VECTOR_LIMIT + 5_000;
    private static final String[] GENRES = {"jazz", "rock", "ambient", "folk", "metal", "pop", "soul", "house"};

    @TempDir
    static Path dir;

    private static final List<Track> TRACKS = new ArrayList<>();
    private static final List<float[]> VECTORS_BY_TRACK = new ArrayList<>();
    private static LuceneVectorStore store;

    @BeforeAll
    static void build() throws Exception {
        Random random = new Random(11);
        List<float[]> distinct = new ArrayList<>();
        for (int v = 0; v < VECTORS; v++) {
            float[] vector = new float[16];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            distinct.add(Vectors.normalize(vector));
        }
        for (int i = 0; i < VECTORS * 2; i++) {
            // The first quarter of the vectors carry most tracks, as a few tag combinations do in a real catalog.
            int v = i < VECTORS ? i : random.nextInt(VECTORS / 4);
            TRACKS.add(track(i, v));
            VECTORS_BY_TRACK.add(distinct.get(v));
        }
        store = new LuceneVectorStore(dir);
        store.replaceAll(TRACKS, VECTORS_BY_TRACK, "fp", ProgressBar.SILENT);
    }

    /** Tracks on the same vector share their genre, as tracks with the same tags share their text. */
    private static Track track(int i, int vector) {
        return new Track(
                "t" + i,
                "Song " + i,
                "Artist " + (i % 91),
                null,
                1950 + i % 70,
                180,
                List.of(GENRES[vector % 8]),
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                false);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @Test
    void sharedVectorsAreStoredOnce() {
        assertEquals(VECTORS, store.distinctVectors());
        assertEquals(TRACKS.size(), store.count());
    }

    @Test
    void unfilteredSearchFindsTheTrueNeighboursAndHandsOutSharedVectorsInCatalogOrder() {
        double recall = meanRecall(SearchFilter.NONE, t -> true);
        assertTrue(recall >= 0.95, "recall@20 " + recall);
        float[] query = VECTORS_BY_TRACK.get(VECTORS + 3);
        List<String> hits = store.nearest(query, SearchFilter.NONE, 5).stream()
                .map(Hit::trackId)
                .toList();
        List<String> sameVector = IntStream.range(0, TRACKS.size())
                .filter(i -> VECTORS_BY_TRACK.get(i) == query)
                .mapToObj(i -> "t" + i)
                .limit(5)
                .toList();
        assertTrue(sameVector.size() >= 2, "the query's vector is shared");
        assertEquals(sameVector, hits.subList(0, sameVector.size()));
    }

    @Test
    void excludingIdsNeverReturnsThemAndKeepsRecall() {
        Set<String> excluded = new HashSet<>();
        for (int i = 0; i < TRACKS.size(); i += 7) {
            excluded.add("t" + i);
        }
        SearchFilter filter = SearchFilter.NONE.plusExcludedIds(excluded);
        double recall = meanRecall(filter, t -> !excluded.contains(t.id()));
        assertTrue(recall >= 0.95, "recall@20 " + recall);
    }

    @Test
    void broadAndNarrowTagFiltersKeepRecall() {
        SearchFilter broad = SearchFilter.NONE.plusTagGroup(Set.of("jazz", "rock", "ambient", "folk"));
        double broadRecall = meanRecall(
                broad, t -> broad.tagGroups().get(0).contains(t.genres().get(0)));
        assertTrue(broadRecall >= 0.95, "broad filter recall@20 " + broadRecall);
        SearchFilter narrow = SearchFilter.NONE.withArtists(Set.of("Artist 5"));
        double narrowRecall = meanRecall(narrow, t -> t.artist().equals("Artist 5"));
        assertEquals(1.0, narrowRecall, 1e-9, "a narrow filter is scanned exactly");
    }

    /** Mean recall@20 over 40 queries against an exact scan of the allowed tracks (ties to the earlier track). */
    private static double meanRecall(SearchFilter filter, Predicate<Track> allowed) {
        Random random = new Random(5);
        double sum = 0;
        int queries = 40;
        for (int q = 0; q < queries; q++) {
            float[] query = VECTORS_BY_TRACK.get(random.nextInt(TRACKS.size()));
            List<Integer> exact = IntStream.range(0, TRACKS.size())
                    .filter(i -> allowed.test(TRACKS.get(i)))
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -Vectors.dot(query, VECTORS_BY_TRACK.get(i)))
                            .thenComparing(i -> i))
                    .limit(20)
                    .toList();
            assertEquals(20, exact.size(), "enough allowed tracks");
            Set<String> truth = new HashSet<>();
            exact.forEach(i -> truth.add("t" + i));
            List<Hit> hits = store.nearest(query, filter, 20);
            hits.forEach(h -> assertTrue(
                    allowed.test(TRACKS.get(Integer.parseInt(h.trackId().substring(1)))),
                    h.trackId() + " is not allowed"));
            sum += hits.stream().filter(h -> truth.contains(h.trackId())).count() / 20.0;
        }
        return sum / queries;
    }
}
