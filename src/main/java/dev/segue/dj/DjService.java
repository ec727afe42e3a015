package dev.segue.dj;

import dev.segue.catalog.Catalog;
import dev.segue.config.SegueConfig;
import dev.segue.config.SegueConfig.Dj;
import dev.segue.dj.DjState.History;
import dev.segue.dj.DjState.Session;
import dev.segue.planner.IntentParser;
import dev.segue.playlist.Explainer;
import dev.segue.playlist.PlaylistTrack;
import dev.segue.profile.Personalisation;
import dev.segue.profile.ProfileService;
import dev.segue.ranking.ScoredTrack;
import dev.segue.trace.Trace;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * AI-DJ sessions: open one with a vibe, pull segments (or listen and get them as the music would play), send requests
 * and feedback that shape the very next segment. State lives in the database; listeners and pacing live here.
 */
@ApplicationScoped
public class DjService {

    public record Opened(String id, String vibe, int minutes, Instant createdAt) {}

    /** A listener of one session: gets each new segment, and the end when the session's minutes are played. */
    public interface Listener {
        void segment(DjSegment segment);

        void end();
    }

    private static final Logger LOG = Logger.getLogger(DjService.class);
    /** "More like this" means the last segment's tracks: the last four played at most. */
    private static final int LAST_SEGMENT_TRACKS = 4;

    private final DjStore store;
    private final DjPlanner planner;
    private final DjHost host;
    private final DjRequests requests;
    private final IntentParser parser;
    private final Explainer explainer;
    private final Catalog catalog;
    private final Dj settings;
    /** A listener's taste, when the session has a userId with history and personalisation on. */
    private final Function<String, Optional<Personalisation>> tastes;

    private final Object[] locks = new Object[64];
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Boolean> pacing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "segue-dj");
        t.setDaemon(true);
        return t;
    });

    DjService(
            DjStore store,
            DjPlanner planner,
            DjHost host,
            DjRequests requests,
            IntentParser parser,
            Explainer explainer,
            Catalog catalog,
            SegueConfig config,
            ProfileService profiles) {
        this.tastes = profiles::forRequest;
        Dj settings = config.dj();
        this.store = store;
        this.planner = planner;
        this.host = host;
        this.requests = requests;
        this.parser = parser;
        this.explainer = explainer;
        this.catalog = catalog;
        this.settings = settings;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        long every = Math.max(1000, Math.min(60_000, settings.idleTimeout().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::expireIdle, every, every, TimeUnit.MILLISECONDS);
    }

    public Opened open(String userId, String prompt, Integer minutes) {
        String vibe = prompt == null || prompt.isBlank() ? "an eclectic mix" : prompt.strip();
        DjState state = DjState.opened(new Session(
                UUID.randomUUID().toString(),
                userId,
                vibe,
                minutes == null ? 60 : minutes,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                parser.parse(vibe)));
        store.save(state);
        return new Opened(state.id(), vibe, state.minutes(), state.createdAt());
    }

    public Optional<DjState> find(String id) {
        return store.find(id);
    }

    /** Plans, stores and announces the next segment; empty when the session does not exist. */
    public Optional<DjSegment> next(String id) {
        Optional<DjSegment> segment;
        synchronized (lock(id)) {
            segment = store.find(id).map(this::planAndStore);
        }
        segment.ifPresent(s -> listeners.getOrDefault(id, List.of()).forEach(l -> l.segment(s)));
        return segment;
    }

    private DjSegment planAndStore(DjState s) {
        Trace trace = new Trace();
        DjPlanner.Planned planned =
                planner.plan(s, tastes.apply(s.session().userId()).orElse(null), trace);
        String lastRequest = s.host().lastRequest();
        String why = planned.phase() + (lastRequest == null ? "" : ", after \"" + lastRequest + "\"");
        String intro = host.intro(
                s,
                planned.tracks(),
                planned.phase(),
                lastRequest == null ? null : "you asked for \"" + lastRequest + "\"");
        List<PlaylistTrack> tracks = new ArrayList<>();
        int position = 1;
        for (ScoredTrack t : planned.tracks()) {
            tracks.add(PlaylistTrack.of(position++, t.track(), explainer.reason(t, s.intent()), t.score()));
        }
        DjState next = s.afterSegment(
                planned.tracks().stream().map(t -> t.track().id()).toList(),
                tracks.stream().mapToDouble(PlaylistTrack::durationSec).sum(),
                intro);
        DjSegment segment = new DjSegment(
                next.segments(),
                intro,
                tracks,
                round(planned.energy()),
                round(planned.target()),
                why,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.append(next, segment);
        return segment;
    }

    /** Applies a request to the session; empty when the session does not exist. */
    public Optional<String> request(String id, String text) {
        synchronized (lock(id)) {
            return store.find(id).map(s -> {
                DjRequests.Outcome outcome = requests.apply(s, text, s.history().lastPlayed(LAST_SEGMENT_TRACKS));
                store.save(outcome.state());
                return outcome.interpretation();
            });
        }
    }

    public enum FeedbackResult {
        UNKNOWN_SESSION,
        UNKNOWN_TRACK,
        ACCEPTED
    }

    /** A like pulls the session toward a track's neighbourhood, a skip away from it (and the track never returns). */
    public FeedbackResult feedback(String id, String trackId, boolean like) {
        synchronized (lock(id)) {
            Optional<DjState> found = store.find(id);
            if (found.isEmpty()) {
                return FeedbackResult.UNKNOWN_SESSION;
            }
            if (catalog.find(trackId).isEmpty()) {
                return FeedbackResult.UNKNOWN_TRACK;
            }
            History history = found.get().history();
            store.save(found.get().withHistory(like ? history.withLiked(trackId) : history.withSkipped(trackId)));
            return FeedbackResult.ACCEPTED;
        }
    }

    /** Ends and deletes every session of this listener; returns how many. */
    public int closeAllOf(String userId) {
        List<String> ids = store.sessionsOf(userId);
        ids.forEach(this::close);
        return ids.size();
    }

    public boolean close(String id) {
        synchronized (lock(id)) {
            List<Listener> gone = listeners.remove(id);
            if (gone != null) {
                gone.forEach(Listener::end);
            }
            return store.delete(id);
        }
    }

    /**
     * Registers a listener: it first gets every stored segment after {@code lastSeen} (resume without loss or
     * repeat), then new ones as they are planned. While anyone listens, the session plans its next segment when the
     * current one would have finished playing (scaled by segue.dj.pace). Returns false for an unknown session.
     */
    public boolean listen(String id, int lastSeen, Listener listener) {
        if (store.find(id).isEmpty()) {
            return false;
        }
        List<DjSegment> missed = store.segmentsAfter(id, lastSeen);
        missed.forEach(listener::segment);
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        if (pacing.putIfAbsent(id, true) == null) {
            long delay = missed.isEmpty() && store.segmentsAfter(id, 0).isEmpty() ? 0 : paceMillis(missed);
            scheduler.schedule(() -> pace(id), delay, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    public void unlisten(String id, Listener listener) {
        List<Listener> list = listeners.get(id);
        if (list != null) {
            list.remove(listener);
        }
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    private void pace(String id) {
        try {
            List<Listener> list = listeners.getOrDefault(id, List.of());
            Optional<DjState> state = store.find(id);
            if (list.isEmpty() || state.isEmpty()) {
                pacing.remove(id);
                return;
            }
            if (state.get().playedSeconds() >= state.get().minutes() * 60.0) {
                list.forEach(Listener::end);
                pacing.remove(id);
                return;
            }
            Optional<DjSegment> segment = next(id);
            long delay = segment.map(s -> paceMillis(List.of(s))).orElse(1000L);
            scheduler.schedule(() -> pace(id), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warnf(e, "DJ session %s: planning failed; retrying in 5 s", id);
            scheduler.schedule(() -> pace(id), 5, TimeUnit.SECONDS);
        }
    }

    private long paceMillis(List<DjSegment> segments) {
        double seconds = segments.isEmpty()
                ? 0
                : segments.get(segments.size() - 1).tracks().stream()
                        .mapToDouble(PlaylistTrack::durationSec)
                        .sum();
        return Math.max(50, (long) (seconds * 1000 * settings.pace()));
    }

    private void expireIdle() {
        try {
            for (String id : store.idleSince(Instant.now().minus(settings.idleTimeout()))) {
                if (listeners.getOrDefault(id, List.of()).isEmpty()) {
                    close(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("DJ session expiry failed; will retry", e);
        }
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
