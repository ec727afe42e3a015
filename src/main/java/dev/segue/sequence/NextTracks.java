package dev.segue.sequence;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.ranking.RankerFeatures;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What plays next after a sequence of tracks, by the {@link SequenceModel}: every track of the served catalog is
 * encoded once (its item vector, on first use), then one request encodes its title and seeds and scores the whole
 * catalog. The hard constraints and the assembler's rules are the caller's: this only ranks.
 */
@ApplicationScoped
public class NextTracks {

    private static final Logger LOG = Logger.getLogger(NextTracks.class);
    /** Rows per track-encoder run: a few MB of input at a time. */
    private static final int CHUNK = 2048;
    /** Catalogs up to this size are encoded before the service answers. */
    private static final int ENCODE_BEFORE_SERVING = 100_000;

    /** A track and its sequence score (higher plays next). */
    public record Next(Track track, double score) {}

    private final SequenceModel model;
    private final Catalog catalog;
    private final TrackVectors vectors;
    private final TextEmbedder embedder;
    private volatile Items items;
    private volatile boolean warming;

    /** Item vectors by catalog position (null where a track has no index vector) and the artist key per track. */
    private record Items(float[][] vectors, String[] artists) {}

    public NextTracks(SequenceModel model, Catalog catalog, TrackVectors vectors, TextEmbedder embedder) {
        this.model = model;
        this.catalog = catalog;
        this.vectors = vectors;
        this.embedder = embedder;
    }

    /**
     * Whether seeded requests can be ordered now: the model is loaded, and the catalog is encoded or (when nothing
     * started encoding it in the background) will be on first use.
     */
    public boolean available() {
        return model.available() && (items != null || !warming);
    }

    /** Why the model does not order a request, when it does not. */
    public String unavailableReason() {
        return model.available() ? "the sequence model is still encoding the catalog" : "no sequence model loaded";
    }

    /**
     * Encodes the catalog now (serving does it at start) rather than on the first seeded request. Up to
     * {@link #ENCODE_BEFORE_SERVING} tracks (about 2 s) the service waits; a larger catalog is encoded in the
     * background (a million tracks take about 20 s), and until it is done seeded requests take the path without the
     * model, and say so.
     */
    public void warm() {
        if (!model.available()) {
            return;
        }
        if (catalog.size() <= ENCODE_BEFORE_SERVING) {
            items();
            return;
        }
        warming = true;
        Thread.ofPlatform().daemon().name("segue-sequence-items").start(() -> {
            try {
                items();
            } catch (RuntimeException e) {
                LOG.errorf(e, "encoding the catalog for the sequence model failed; seeded requests go without it");
            }
        });
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
        Items encoded = items();
        List<Integer> known = seedIds.stream()
                .map(catalog::position)
                .filter(p -> p >= 0 && encoded.vectors()[p] != null)
                .toList();
        Set<Integer> seedPositions = new HashSet<>(known);
        // The model reads the last MAX_SEEDS seeds; its artist term counts the same ones.
        List<Integer> read = known.subList(Math.max(0, known.size() - SequenceModel.MAX_SEEDS), known.size());
        List<float[]> seeds = read.stream().map(p -> encoded.vectors()[p]).toList();
        Map<String, Integer> seedArtists = new HashMap<>();
        read.forEach(p -> seedArtists.merge(encoded.artists()[p], 1, Integer::sum));
        SequenceModel.Query query = model.query(embedder.embed(title), seeds);
        PriorityQueue<Next> best = new PriorityQueue<>(limit + 1, (a, b) -> Double.compare(a.score(), b.score()));
        for (int position = 0; position < encoded.vectors().length; position++) {
            float[] item = encoded.vectors()[position];
            Track track = catalog.at(position);
            if (item == null || seedPositions.contains(position) || exclude.contains(track.id())) {
                continue;
            }
            int byArtist = seedArtists.getOrDefault(encoded.artists()[position], 0);
            double score = query.score(item, byArtist);
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

    private Items items() {
        Items current = items;
        if (current == null) {
            synchronized (this) {
                current = items;
                if (current == null) {
                    current = encode();
                    items = current;
                }
            }
        }
        return current;
    }

    /** Every catalog track through the track encoder, in chunks. */
    private Items encode() {
        long start = System.nanoTime();
        int n = catalog.size();
        float[][] out = new float[n][];
        String[] artists = new String[n];
        Map<String, String> sharedArtists = new HashMap<>();
        List<Integer> rows = new ArrayList<>(CHUNK);
        for (int position = 0; position < n; position++) {
            artists[position] =
                    sharedArtists.computeIfAbsent(artistKey(catalog.at(position).artist()), key -> key);
            if (vectors.of(catalog.at(position)) != null) {
                rows.add(position);
            }
            if (rows.size() == CHUNK || (position == n - 1 && !rows.isEmpty())) {
                encodeChunk(rows, out);
                rows.clear();
            }
        }
        LOG.infof(
                "sequence model %s: %,d catalog tracks encoded in %.1f s",
                model.name(), n, (System.nanoTime() - start) / 1e9);
        return new Items(out, artists);
    }

    private void encodeChunk(List<Integer> positions, float[][] out) {
        FloatBuffer inputs = FloatBuffer.allocate(positions.size() * SequenceModel.INPUT_WIDTH);
        for (int position : positions) {
            Track track = catalog.at(position);
            inputs.put(vectors.of(track));
            inputs.put(RankerFeatures.track(track));
        }
        float[][] encoded = model.items(inputs.rewind(), positions.size());
        for (int i = 0; i < positions.size(); i++) {
            out[positions.get(i)] = encoded[i];
        }
    }
}
