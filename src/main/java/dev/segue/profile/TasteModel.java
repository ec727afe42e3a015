package dev.segue.profile;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import dev.segue.search.TrackVectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A listener's taste from their events: each event weighs by its type (like +2, play +1, skip -1, dislike -2) and
 * fades with a 30-day half-life; tags and artists collect those weights; the centroid is the weighted mean of the
 * vectors of tracks they played or liked.
 */
public final class TasteModel {

    public record Weighted(String name, double weight) {}

    public record Taste(
            Map<String, Double> tags,
            Map<String, Double> artists,
            float[] centroid,
            Set<String> disliked,
            List<String> recentLikes,
            List<String> recentTracks) {

        public List<Weighted> top(Map<String, Double> values, int n) {
            return values.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(n)
                    .map(e -> new Weighted(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0))
                    .toList();
        }
    }

    static final Duration HALF_LIFE = Duration.ofDays(30);
    /** Recent plays and likes handed to the transformer ranker as context (it was trained with up to 10). */
    static final int RECENT_TRACKS = 10;

    private final Catalog catalog;
    private final TrackVectors vectors;

    public TasteModel(Catalog catalog, TrackVectors vectors) {
        this.catalog = catalog;
        this.vectors = vectors;
    }

    public Taste build(List<ListeningEvent> events, Instant now) {
        Map<String, Double> tags = new HashMap<>();
        Map<String, Double> artists = new HashMap<>();
        Map<String, String> artistNames = new HashMap<>();
        float[] sum = null;
        double positive = 0;
        Set<String> disliked = new HashSet<>();
        List<ListeningEvent> likes = new ArrayList<>();
        List<ListeningEvent> positives = new ArrayList<>();
        for (ListeningEvent e : events) {
            Track track = catalog.find(e.trackId()).orElse(null);
            if (track == null) {
                continue; // a track the catalog no longer has says nothing
            }
            double age = Math.max(0, Duration.between(e.at(), now).toSeconds()) / (double) HALF_LIFE.toSeconds();
            double w = e.type().weight() * Math.pow(0.5, age);
            for (List<String> list : List.of(track.genres(), track.moods(), track.instruments())) {
                list.forEach(tag -> tags.merge(tag, w, Double::sum));
            }
            String artist = Catalog.artistKey(track.artist());
            artists.merge(artist, w, Double::sum);
            artistNames.putIfAbsent(artist, track.artist());
            float[] v = vectors.of(track);
            if (w > 0 && v != null) {
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += (float) (w * v[i]);
                }
                positive += w;
            }
            if (e.type() == ListeningEvent.Type.DISLIKE) {
                disliked.add(track.id());
            }
            if (e.type() == ListeningEvent.Type.LIKE) {
                likes.add(e);
            }
            if (e.type().weight() > 0) {
                positives.add(e);
            }
        }
        likes.sort(Comparator.comparing(ListeningEvent::at).reversed());
        positives.sort(Comparator.comparing(ListeningEvent::at).reversed());
        return new Taste(
                normalise(tags),
                normalise(artists),
                positive > 0 ? Vectors.normalize(sum) : null,
                disliked,
                likes.stream().map(ListeningEvent::trackId).distinct().limit(50).toList(),
                positives.stream()
                        .map(ListeningEvent::trackId)
                        .distinct()
                        .limit(RECENT_TRACKS)
                        .toList());
    }

    /** Scales affinities into -1..1 by the largest magnitude, so one listener's volume of events does not matter. */
    private static Map<String, Double> normalise(Map<String, Double> values) {
        double max = values.values().stream().mapToDouble(Math::abs).max().orElse(0);
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, max == 0 ? 0 : v / max));
        return out;
    }
}
