package dev.segue.api;

import dev.segue.trace.Progress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A playlist request answered as Server-Sent Events, for a listener who wants to see the work: what the planners
 * report as it happens ({@link Progress}: {@code planning}, {@code llm}, {@code tool}, {@code tracks},
 * {@code fallback}), then {@code playlist} with the same JSON a plain request gets, or {@code problem} with the
 * problem body it would have got. A comment every 15 s keeps proxies from closing a quiet stream.
 */
@ApplicationScoped
public class PlaylistEvents {

    private static final long HEARTBEAT_SECONDS = 15;

    private final ProblemMappers problems;

    PlaylistEvents(ProblemMappers problems) {
        this.problems = problems;
    }

    Multi<OutboundSseEvent> stream(Sse sse, UriInfo uri, Supplier<?> work) {
        return Multi.createFrom().emitter(emitter -> {
            Events events = new Events(sse, emitter);
            ScheduledExecutorService pool = Infrastructure.getDefaultWorkerPool();
            ScheduledFuture<?> heartbeat = pool.scheduleAtFixedRate(
                    () -> events.send(sse.newEventBuilder().comment("working").build()),
                    HEARTBEAT_SECONDS,
                    HEARTBEAT_SECONDS,
                    TimeUnit.SECONDS);
            pool.execute(() -> {
                try {
                    Object playlist = Progress.reportingTo(events::progress, work);
                    events.send(sse.newEventBuilder()
                            .name("playlist")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(playlist.getClass(), playlist)
                            .build());
                } catch (RuntimeException e) {
                    Response problem = problems.internalOrMapped(e, uri);
                    events.send(sse.newEventBuilder()
                            .name("problem")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(Problem.class, problem.getEntity())
                            .build());
                } finally {
                    heartbeat.cancel(false);
                    emitter.complete();
                }
            });
        });
    }

    /** Sends one event at a time (progress comes from the request's thread and from the LLM's stream). */
    private record Events(Sse sse, MultiEmitter<? super OutboundSseEvent> emitter) {

        void progress(Progress.Event event) {
            send(sse.newEventBuilder()
                    .name(event.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Map.class, event.data())
                    .build());
        }

        void send(OutboundSseEvent event) {
            synchronized (this) {
                if (!emitter.isCancelled()) {
                    emitter.emit(event);
                }
            }
        }
    }
}
