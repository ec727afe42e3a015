package dev.segue.trace;

import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Live progress of one request, for a listener who waits (the playlist API's event stream). Work started inside
 * {@link #reportingTo} creates its {@link Trace} with this listener, and the trace passes on what happens: each tool
 * call, each LLM call, and what the planners report. A listener that fails is logged and ignored: progress never
 * breaks the work, unless the listener means to stop it ({@link Stopped}).
 */
public final class Progress {

    /** Something that happened: a name ("tool", "llm", "planning", …) and its facts. */
    public record Event(String name, Map<String, Object> data) {}

    @FunctionalInterface
    public interface Listener {
        void on(Event event);
    }

    /**
     * Thrown by a listener that no longer wants the work (an MCP client cancelled its request): unlike any other
     * failure of a listener, it stops the work at its next step (the next tool or LLM call), before anything is stored.
     */
    public static final class Stopped extends RuntimeException {
        public Stopped(String why) {
            super(why, null, false, false);
        }
    }

    static final Listener NONE = event -> {};
    private static final Logger LOG = Logger.getLogger(Progress.class);
    private static final ThreadLocal<Listener> CURRENT = new ThreadLocal<>();

    private Progress() {}

    /** Runs the work on this thread; the traces it creates report to the listener. */
    public static <T> T reportingTo(Listener listener, Supplier<T> work) {
        Listener outer = CURRENT.get();
        CURRENT.set(safe(listener));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The listener of the work running on this thread; one that hears nothing when no one listens. */
    static Listener current() {
        Listener listener = CURRENT.get();
        return listener == null ? NONE : listener;
    }

    private static Listener safe(Listener listener) {
        return event -> {
            try {
                listener.on(event);
            } catch (Stopped stop) {
                throw stop;
            } catch (RuntimeException e) {
                LOG.debugf("a progress listener failed (%s); the work goes on", e.toString());
            }
        };
    }
}
