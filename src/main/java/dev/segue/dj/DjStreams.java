package dev.segue.dj;

import dev.segue.config.SegueConfig;
import dev.segue.dj.DjService.Pace;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A listener's stream of a DJ session: every stored segment after the last one it saw, then each new one as it is
 * planned, a heartbeat every segue.dj.heartbeat, and the end when the session's minutes are played or it is closed.
 * While anyone listens, the session plans its next segment when the latest one would have finished playing (scaled
 * by segue.dj.pace); segments pulled with GET …/next reach listeners too.
 */
@ApplicationScoped
public class DjStreams {

    private static final Logger LOG = Logger.getLogger(DjStreams.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    /** Why a listener's stream looks at its session: it may have new segments, or be over; or a heartbeat is due. */
    private enum Signal {
        LOOK,
        OVER,
        HEARTBEAT
    }

    private final DjService dj;
    private final DjStore store;
    private final DjNews news;
    private final Duration heartbeat;

    DjStreams(DjService dj, DjStore store, DjNews news, SegueConfig config) {
        this.dj = dj;
        this.store = store;
        this.news = news;
        this.heartbeat = config.dj().heartbeat();
    }

    /**
     * The stream of session {@code id} for a listener who has seen its segments up to {@code lastSeen} (0: none). The
     * news is subscribed to before the store is read, and each look reads only what follows the last segment sent, so
     * a resumed stream loses and repeats nothing.
     */
    public Multi<DjEvent> listen(String id, int lastSeen) {
        // One who claims to have seen more than there is hears every new segment, like one who has seen them all.
        int latest = store.latestSegment(id).map(DjSegment::segment).orElse(0);
        AtomicInteger last = new AtomicInteger(Math.min(lastSeen, latest));
        Multi<Signal> signals = Multi.createBy()
                .merging()
                .streams(
                        news.about(id).map(n -> n.closed() ? Signal.OVER : Signal.LOOK),
                        Multi.createFrom().item(Signal.LOOK),
                        pacing(id),
                        heartbeats());
        return signals.emitOn(Infrastructure.getDefaultWorkerPool()) // the store is read on a worker thread
                .onItem()
                .transformToIterable(signal -> heard(id, last, signal))
                .select()
                .first(event -> !(event instanceof DjEvent.End)) // the end stops the news, the pacing and the beats
                .onCompletion()
                .continueWith(DjEvent.END);
    }

    private List<DjEvent> heard(String id, AtomicInteger last, Signal signal) {
        if (signal == Signal.HEARTBEAT) {
            return List.of(DjEvent.HEARTBEAT);
        }
        List<DjEvent> heard = new ArrayList<>();
        for (DjSegment segment : store.segmentsAfter(id, last.get())) {
            heard.add(new DjEvent.Segment(segment));
            last.set(segment.segment());
        }
        if (signal == Signal.OVER) {
            heard.add(DjEvent.END);
        }
        return heard;
    }

    /** This listener's pacing of the session: one step after another, each after the wait the one before asked for. */
    private Multi<Signal> pacing(String id) {
        return Multi.createBy()
                .repeating()
                .uni(() -> new AtomicReference<>(Duration.ZERO), wait -> step(id, wait))
                .whilst(pace -> !pace.over())
                .select()
                .where(Pace::over)
                .map(pace -> Signal.OVER);
    }

    private Uni<Pace> step(String id, AtomicReference<Duration> wait) {
        return after(wait.get())
                .map(ignored -> dj.pace(id))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf(e, "DJ session %s: planning failed; retrying in 5 s", id);
                    return Pace.after(RETRY_AFTER_FAILURE);
                })
                .invoke(pace -> wait.set(pace.delay()));
    }

    /** An item after {@code wait}, on a worker thread (pacing reads and writes the database). */
    private static Uni<Duration> after(Duration wait) {
        Uni<Duration> now = Uni.createFrom().item(wait);
        return wait.isPositive() ? now.onItem().delayIt().by(wait) : now.emitOn(Infrastructure.getDefaultWorkerPool());
    }

    private Multi<Signal> heartbeats() {
        return Multi.createFrom()
                .ticks()
                .startingAfter(heartbeat)
                .every(heartbeat)
                .onOverflow()
                .drop() // a listener too slow to take a heartbeat does not need the next one
                .map(tick -> Signal.HEARTBEAT);
    }
}
