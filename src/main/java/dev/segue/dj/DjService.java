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
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * AI-DJ sessions: open one with a vibe, pull segments (or listen and get them as the music would play), send requests
 * and feedback that shape the very next segment. State lives in the database; what listeners hear, in
 * {@link DjStreams}.
 */
@ApplicationScoped
public class DjService {

    public record Opened(String id, String vibe, int minutes, Instant createdAt) {}

    /** Fired for every segment planned: what a session's listener is shown (experiments observe it). */
    public record SegmentShown(String sessionId, String userId, DjSegment segment, double ms) {}

    /** One step of a listener's pacing: how long until the next step, or that the session is over. */
    record Pace(Duration delay, boolean over) {
        static final Pace OVER = new Pace(Duration.ZERO, true);

        static Pace after(Duration delay) {
            return new Pace(delay, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(DjService.class);
    private static final String EXPIRY_JOB = "dj-idle-session-expiry";
    /** "More like this" means the last segment's tracks: the last four played at most. */
    private static final int LAST_SEGMENT_TRACKS = 4;

    private final DjStore store;
    private final DjPlanner planner;
    private final DjHost host;
    private final DjRequests requests;
    private final DjNews news;
    private final IntentParser parser;
    private final Explainer explainer;
    private final Catalog catalog;
    private final Scheduler scheduler;
    private final Dj settings;
    /** A listener's taste, when the session has a userId with history and personalisation on. */
    private final Function<String, Optional<Personalisation>> tastes;

    private final Event<SegmentShown> shown;

    private final Object[] locks = new Object[64];

    DjService(
            DjStore store,
            DjPlanner planner,
            DjHost host,
            DjRequests requests,
            DjNews news,
            IntentParser parser,
            Explainer explainer,
            Catalog catalog,
            Scheduler scheduler,
            SegueConfig config,
            ProfileService profiles,
            Event<SegmentShown> shown) {
        this.store = store;
        this.planner = planner;
        this.host = host;
        this.requests = requests;
        this.news = news;
        this.parser = parser;
        this.explainer = explainer;
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.settings = config.dj();
        this.tastes = profiles::forRequest;
        this.shown = shown;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Idle sessions expire from the DJ's first use on, checked a few times per idle timeout (once a second to once a
     * minute); a command that never serves, such as ingest, never touches the sessions.
     */
    @PostConstruct
    void scheduleExpiry() {
        String every = Duration.ofMillis(
                        Math.max(1000, Math.min(60_000, settings.idleTimeout().toMillis() / 4)))
                .toString();
        scheduler
                .newJob(EXPIRY_JOB)
                .setInterval(every)
                .setDelayed(every)
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> expireIdle())
                .schedule();
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
        long start = System.nanoTime();
        Optional<DjState> state;
        Optional<DjSegment> segment;
        synchronized (lock(id)) {
            state = store.find(id);
            segment = state.map(this::planAndStore);
        }
        segment.ifPresent(s -> {
            news.segmentAdded(id);
            shown.fire(new SegmentShown(id, state.get().session().userId(), s, Trace.millisSince(start)));
        });
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

    /** Ends the session for its listeners and deletes it; false when there was no such session. */
    public boolean close(String id) {
        synchronized (lock(id)) {
            news.closed(id);
            return store.delete(id);
        }
    }

    /**
     * One step of a listener's pacing: plans the next segment once the latest one would have finished playing (at
     * once when there is none) and says when to step again; over when the session's minutes are played or it is gone.
     * Every listener of a session paces it, but the lock and the latest segment's time make only the first one due
     * plan: the others wait for the segment it planned.
     */
    Pace pace(String id) {
        synchronized (lock(id)) {
            Optional<DjState> state = store.find(id);
            if (state.isEmpty()) {
                return Pace.OVER;
            }
            Duration wait = store.latestSegment(id)
                    .map(latest ->
                            Duration.between(Instant.now(), latest.createdAt().plus(playTime(latest))))
                    .orElse(Duration.ZERO);
            if (wait.isPositive()) {
                return Pace.after(wait);
            }
            if (state.get().minutesPlayed()) {
                return Pace.OVER;
            }
            return next(id).map(segment -> Pace.after(playTime(segment))).orElse(Pace.OVER);
        }
    }

    /** How long a segment plays, scaled by segue.dj.pace; at least 50 ms, so that empty segments do not spin. */
    private Duration playTime(DjSegment segment) {
        double seconds = segment.tracks().stream()
                .mapToDouble(PlaylistTrack::durationSec)
                .sum();
        return Duration.ofMillis(Math.max(50, (long) (seconds * 1000 * settings.pace())));
    }

    /** Closes the sessions untouched for segue.dj.idle-timeout that nobody listens to. */
    void expireIdle() {
        try {
            for (String id : store.idleSince(Instant.now().minus(settings.idleTimeout()))) {
                if (!news.hasListeners(id)) {
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
}
