package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.catalog.AudioFeatures;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import dev.segue.embedding.Vectors;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Qdrant adapter's tests share: 400 tracks with tags, years, durations and a few explicit ones (every 6th
 * sharing its vector with the one before, as identical tag sets do), a {@link FakeQdrant} and a store on it with fast
 * deadlines, filters to search with, and a comparison of rankings that tolerates ties.
 */
abstract class QdrantStoreFixture {

    static final String[] GENRES = {"jazz", "rock", "ambient", "folk"};
    static final String[] MOODS = {"calm", "sad", "happy"};
    static final int DIM = 16;

    @TempDir
    Path dir;

    final List<Track> tracks = new ArrayList<>();
    final List<float[]> vectors = new ArrayList<>();
    FakeQdrant fake;
    QdrantVectorStore store;

    static List<Track> tracks(List<float[]> vectors, int n) {
        Random random = new Random(7);
        List<Track> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AudioFeatures features =
                    i % 3 == 0 ? null : new AudioFeatures(null, null, null, null, null, (i % 10) / 10.0);
            out.add(new Track(
                    "t" + i,
                    "Song " + i + (i % 7 == 0 ? " blue" : ""),
                    i % 40 == 0 ? "Blue Horizon" : "Artist " + (i % 37),
                    null,
                    i % 9 == 0 ? null : 1960 + i % 60,
                    120 + i,
                    List.of(GENRES[i % 4]),
                    List.of(MOODS[i % 3]),
                    i % 5 == 0 ? List.of("piano") : List.of(),
                    i % 11 == 0 ? null : (double) (i % 100),
                    null,
                    null,
                    features,
                    i % 50 == 0 ? Boolean.TRUE : i % 4 == 0 ? null : Boolean.FALSE));
            float[] v = new float[DIM];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            // Every 6th track shares its vector with the one before: equal scores, as identical tag sets give.
            vectors.add(i % 6 == 5 ? vectors.get(i - 1) : Vectors.normalize(v));
        }
        return out;
    }

    static SegueConfig.Qdrant settings(int port) {
        return QdrantTestSettings.fast(port, Map.of());
    }

    static QdrantVectorStore store(SegueConfig.Qdrant settings) {
        return new QdrantVectorStore(settings, QdrantCollection.load(null).withDimension(DIM), DIM);
    }

    @BeforeEach
    void startFakeQdrant() {
        tracks.addAll(tracks(vectors, 400));
        fake = new FakeQdrant();
        store = store(settings(fake.port()));
    }

    @AfterEach
    void stopFakeQdrant() {
        store.close();
        fake.close();
    }

    /** The store finds everything the filter allows and nothing else: its translation agrees with Filters.allows. */
    static void assertFindsWhatTheFilterAllows(
            QdrantVectorStore store, List<Track> tracks, float[] query, SearchFilter filter) {
        Set<String> allowed = tracks.stream()
                .filter(t -> Filters.allows(filter, t))
                .map(Track::id)
                .collect(Collectors.toSet());
        Set<String> found =
                store.nearest(query, filter, 400).stream().map(Hit::trackId).collect(Collectors.toSet());
        assertEquals(allowed, found, filter.toString());
    }

    static SearchFilter randomFilter(Random r) {
        List<String> tags = List.of("jazz", "rock", "ambient", "folk", "calm", "sad", "happy", "piano");
        List<Set<String>> groups = new ArrayList<>();
        for (int g = r.nextInt(3); g > 0; g--) {
            groups.add(new HashSet<>(List.of(tags.get(r.nextInt(tags.size())), tags.get(r.nextInt(tags.size())))));
        }
        Set<String> exclude = r.nextInt(3) == 0 ? Set.of(tags.get(r.nextInt(tags.size()))) : Set.of();
        Set<String> artists = r.nextInt(6) == 0 ? Set.of("artist " + r.nextInt(37), "Blue Horizon") : Set.of();
        Set<String> excludeArtists = r.nextInt(4) == 0 ? Set.of("Artist " + r.nextInt(37)) : Set.of();
        Integer from = r.nextInt(3) == 0 ? 1960 + r.nextInt(40) : null;
        Integer to = r.nextInt(3) == 0 ? 1980 + r.nextInt(40) : null;
        Double maxDuration = r.nextInt(3) == 0 ? 200.0 + r.nextInt(300) : null;
        Double minInstrumental = r.nextInt(4) == 0 ? r.nextInt(10) / 10.0 : null;
        Set<String> ids = r.nextInt(3) == 0 ? Set.of("t" + r.nextInt(400), "t" + r.nextInt(400)) : Set.of();
        return new SearchFilter(
                groups, exclude, artists, excludeArtists, from, to, maxDuration, r.nextBoolean(), minInstrumental, ids);
    }

    /**
     * Same scores position by position, and the same tracks above the last score: among equal scores (tracks with
     * identical vectors) the engines may order differently, and a cut at k may keep different ones of them.
     */
    static void assertSameRanking(List<Hit> expected, List<Hit> actual, double eps) {
        assertEquals(expected.size(), actual.size(), () -> expected + "\n" + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(
                    expected.get(i).score(),
                    actual.get(i).score(),
                    eps,
                    "score at " + i + ": " + expected + "\n" + actual);
        }
        if (expected.isEmpty()) {
            return;
        }
        double last = expected.get(expected.size() - 1).score();
        assertEquals(above(expected, last, eps), above(actual, last, eps), () -> expected + "\n" + actual);
    }

    private static Set<String> above(List<Hit> hits, double score, double eps) {
        return hits.stream()
                .filter(h -> h.score() > score + eps)
                .map(Hit::trackId)
                .collect(Collectors.toSet());
    }

    static List<String> strings(Value v) {
        return v.getListValue().getValuesList().stream()
                .map(Value::getStringValue)
                .toList();
    }
}
