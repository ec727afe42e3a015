package dev.segue.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.segue.catalog.Catalog;
import dev.segue.config.Database;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Listener profiles: events in, a taste out. A profile is recomputed only when its listener's events change, and
 * nothing of one listener ever reaches another's requests (every lookup is by that listener's id).
 */
@ApplicationScoped
public class ProfileService {

    public static final int MAX_EVENTS_PER_USER = 2000;
    public static final int MAX_BATCH = 500;

    /** A listener's profile as the API shows it. */
    public record Profile(
            String userId,
            boolean optedOut,
            Map<String, Integer> events,
            List<TasteModel.Weighted> topTags,
            List<TasteModel.Weighted> topArtists,
            String lastEventAt) {}

    private final ProfileStore store;
    private final TasteModel model;
    private final Catalog catalog;
    /** Tastes are cheap to recompute: a bounded cache, dropped for a listener whenever their history changes. */
    private final Cache<String, TasteModel.Taste> cache =
            Caffeine.newBuilder().maximumSize(10_000).build();

    ProfileService(Database database, Catalog catalog, TrackVectors vectors) {
        this.store = new ProfileStore(database.dataSource(), MAX_EVENTS_PER_USER);
        this.model = new TasteModel(catalog, vectors);
        this.catalog = catalog;
    }

    public void add(String userId, List<ListeningEvent> events) {
        store.add(userId, events);
        cache.invalidate(userId);
    }

    public Profile profile(String userId) {
        List<ListeningEvent> events = store.events(userId);
        TasteModel.Taste taste = taste(userId, events);
        Map<String, Integer> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.type().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        Map<String, Double> artists = new LinkedHashMap<>();
        taste.artists().forEach((key, w) -> artists.put(catalog.artist(key).orElse(key), w));
        return new Profile(
                userId,
                store.optedOut(userId),
                counts,
                taste.top(taste.tags(), 10),
                taste.top(artists, 10),
                events.isEmpty() ? null : events.get(events.size() - 1).at().toString());
    }

    /** The personalisation for a request, or empty (no history, or the listener opted out). */
    public Optional<Personalisation> forRequest(String userId) {
        if (userId == null || store.optedOut(userId)) {
            return Optional.empty();
        }
        List<ListeningEvent> events = store.events(userId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        TasteModel.Taste taste = taste(userId, events);
        return Optional.of(new Personalisation(
                taste.centroid(),
                taste.tags(),
                taste.artists(),
                taste.disliked(),
                taste.recentLikes(),
                taste.recentTracks()));
    }

    /** Tracks the listener liked (or else played) within a window ending now; most recent first. */
    public List<String> likedSince(String userId, Instant since, int max) {
        List<ListeningEvent> events = new ArrayList<>(store.events(userId));
        Collections.reverse(events);
        List<String> liked = events.stream()
                .filter(e -> !e.at().isBefore(since) && e.type() == ListeningEvent.Type.LIKE)
                .map(ListeningEvent::trackId)
                .distinct()
                .limit(max)
                .toList();
        return !liked.isEmpty()
                ? liked
                : events.stream()
                        .filter(e -> !e.at().isBefore(since) && e.type() == ListeningEvent.Type.PLAY)
                        .map(ListeningEvent::trackId)
                        .distinct()
                        .limit(max)
                        .toList();
    }

    /**
     * The tracks the listener played, liked, completed or saved, each once, oldest first (what popularity calibration
     * compares against); empty for a listener who opted out.
     */
    public List<String> history(String userId) {
        if (store.optedOut(userId)) {
            return List.of();
        }
        return store.events(userId).stream()
                .filter(e -> e.type().weight() > 0)
                .map(ListeningEvent::trackId)
                .distinct()
                .toList();
    }

    public void optOut(String userId, boolean optedOut) {
        store.setOptedOut(userId, optedOut);
    }

    public int delete(String userId) {
        cache.invalidate(userId);
        return store.delete(userId);
    }

    private TasteModel.Taste taste(String userId, List<ListeningEvent> events) {
        return cache.get(userId, id -> model.build(events, Instant.now().truncatedTo(ChronoUnit.HOURS)));
    }
}
