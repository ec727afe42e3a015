package dev.segue.sequence;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.ranking.RankerFeatures;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchIndex;
import dev.segue.search.TrackVectors;
import dev.segue.search.VectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What plays next after a sequence of tracks, by the {@link SequenceModel}. Up to {@link #WHOLE_CATALOG} tracks, every
 * track of the served catalog is encoded once (its item vector, at start) and one request scores the whole catalog.
 * A larger catalog's items would not fit in memory (448 floats a track: 1.8 GB at a million), so a request there
 * scores the tracks nearest to its title and last seeds in the index, encoded as it goes. The hard constraints and
 * the assembler's rules are the caller's: this only ranks.
 */
@ApplicationScoped
public class NextTracks {

    private static final Logger LOG = Logger.getLogger(NextTracks.class);
    /** Rows per track-encoder run: a few MB of input at a time. */
    private static final int CHUNK = 2048;
    /** Catalogs up to this size are encoded whole, at start (about 2 s); larger ones per request. */
    static final int WHOLE_CATALOG = 100_000;
    /** Above {@link #WHOLE_CATALOG}: the title's nearest tracks, and each of the last few seeds'. */
    private static final int NEAR_TITLE = 2_000;

    private static final int NEAR_SEED = 500;
    private static final int SEEDS_SEARCHED = 6;

    /** A track and its sequence score (higher plays next). */
    public record Next(Track track, double score) {}

    private final SequenceModel model;
    private final Catalog catalog;
    private final TrackVectors vectors;
    private final TextEmbedder embedder;
    private final Instance<SearchIndex> index;
    private volatile Items items;

    /** Item vectors by position in {@code positions} (null where a track has no index vector), with artist keys. */
    private record Items(List<Integer> positions, float[][] vectors, String[] artists) {
        /** The items at these catalog positions, of items that are by position (the whole catalog's). */
        Items only(List<Integer> at) {
            float[][] picked = new float[at.size()][];
            String[] pickedArtists = new String[at.size()];
            for (int i = 0; i < at.size(); i++) {
                picked[i] = vectors[at.get(i)];
                pickedArtists[i] = artists[at.get(i)];
            }
            return new Items(at, picked, pickedArtists);
        }
    }

    public NextTracks(
            SequenceModel model,
            Catalog catalog,
            TrackVectors vectors,
            TextEmbedder embedder,
            Instance<SearchIndex> index) {
        this.model = model;
        this.catalog = catalog;
        this.vectors = vectors;
        this.embedder = embedder;
        this.index = index;
    }

    public boolean available() {
        return model.available();
    }

    /** Encodes a catalog scored whole now (serving does it at start) rather than on the first seeded request. */
    public void warm() {
        if (available() && catalog.size() <= WHOLE_CATALOG) {
            wholeCatalog();
        }
    }

    /** The model's version, or "none". */
    public String name() {
        return model.name();
    }

    /**
     * The {@code limit} tracks most likely to play after {@code seedIds} (in play order; unknown ids are ignored) under
     * the title or prompt, best first; never a seed nor a track in {@code exclude}.
     */
    public List<Next> next(String title, List<String> seedIds, Collection<String> exclude, int limit) {
        float[] titleVector = embedder.embed(title);
        List<Integer> known = seedIds.stream()
                .map(catalog::position)
                .filter(p -> p >= 0 && vectors.of(catalog.at(p)) != null)
                .toList();
        // The model reads the last MAX_SEEDS seeds; its artist term counts the same ones.
        List<Integer> read = known.subList(Math.max(0, known.size() - SequenceModel.MAX_SEEDS), known.size());
        boolean whole = catalog.size() <= WHOLE_CATALOG;
        Items candidates = whole ? wholeCatalog() : nearest(titleVector, read, exclude);
        // A whole catalog's items are by position, the seeds' among them; otherwise the seeds are encoded here.
        Items seedItems = whole ? candidates.only(read) : encode(read);
        Map<String, Integer> seedArtists = new HashMap<>();
        for (String artist : seedItems.artists()) {
            seedArtists.merge(artist, 1, Integer::sum);
        }
        SequenceModel.Query query = model.query(titleVector, Arrays.asList(seedItems.vectors()));
        Set<Integer> seedPositions = new HashSet<>(known);
        PriorityQueue<Next> best = new PriorityQueue<>(limit + 1, (a, b) -> Double.compare(a.score(), b.score()));
        for (int i = 0; i < candidates.positions().size(); i++) {
            float[] item = candidates.vectors()[i];
            int position = candidates.positions().get(i);
            Track track = catalog.at(position);
            if (item == null || seedPositions.contains(position) || exclude.contains(track.id())) {
                continue;
            }
            double score = query.score(item, seedArtists.getOrDefault(candidates.artists()[i], 0));
            if (best.size() < limit || score > best.peek().score()) {
                best.add(new Next(track, score));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Next> out = new ArrayList<>(best);
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** The key the model grouped artists by in training (tools/sequence/README.md), not {@link Catalog#artistKey}. */
    static String artistKey(String artist) {
        return artist == null ? "" : artist.strip().toLowerCase(Locale.ROOT);
    }

    private Items wholeCatalog() {
        Items current = items;
        if (current == null) {
            synchronized (this) {
                current = items;
                if (current == null) {
                    long start = System.nanoTime();
                    List<Integer> all = new ArrayList<>(catalog.size());
                    for (int position = 0; position < catalog.size(); position++) {
                        all.add(position);
                    }
                    current = encode(all);
                    items = current;
                    LOG.infof(
                            "sequence model %s: %,d catalog tracks encoded in %.1f s",
                            model.name(), catalog.size(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
        return current;
    }

    /** The tracks nearest to the title and to each of the last few seeds, in the index. */
    private Items nearest(float[] titleVector, List<Integer> seeds, Collection<String> exclude) {
        SearchFilter filter = SearchFilter.NONE.plusExcludedIds(Set.copyOf(exclude));
        Set<Integer> positions = new LinkedHashSet<>();
        VectorStore store = index.get().store();
        store.nearest(titleVector, filter, NEAR_TITLE).forEach(hit -> positions.add(catalog.position(hit.trackId())));
        for (int seed : seeds.subList(Math.max(0, seeds.size() - SEEDS_SEARCHED), seeds.size())) {
            store.nearest(vectors.of(catalog.at(seed)), filter, NEAR_SEED)
                    .forEach(hit -> positions.add(catalog.position(hit.trackId())));
        }
        positions.remove(-1);
        return encode(new ArrayList<>(positions));
    }

    /** These tracks through the track encoder, in chunks; each track's vector is read once. */
    private Items encode(List<Integer> positions) {
        float[][] out = new float[positions.size()][];
        String[] artists = new String[positions.size()];
        Map<String, String> sharedArtists = new HashMap<>();
        FloatBuffer inputs = FloatBuffer.allocate(CHUNK * SequenceModel.INPUT_WIDTH);
        List<Integer> rows = new ArrayList<>(CHUNK);
        for (int i = 0; i < positions.size(); i++) {
            Track track = catalog.at(positions.get(i));
            artists[i] = sharedArtists.computeIfAbsent(artistKey(track.artist()), key -> key);
            float[] vector = vectors.of(track);
            if (vector != null) {
                rows.add(i);
                inputs.put(vector).put(RankerFeatures.track(track));
            }
            if (rows.size() == CHUNK || (i == positions.size() - 1 && !rows.isEmpty())) {
                float[][] encoded = model.items(inputs.flip(), rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    out[rows.get(r)] = encoded[r];
                }
                rows.clear();
                inputs.clear();
            }
        }
        return new Items(positions, out, artists);
    }
}
