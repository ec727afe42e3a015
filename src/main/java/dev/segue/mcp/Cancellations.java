package dev.segue.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in flight over Streamable HTTP, by session and JSON-RPC id, so that {@code notifications/cancelled} can
 * act on one: its answer is never sent (its stream is closed at once) and its work stops at its next step. The SDK has
 * no hook for cancellation; over stdio it is not acted on.
 */
@ApplicationScoped
class Cancellations {

    private final Map<String, Runnable> open = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    void started(String session, Object requestId, Runnable closeStream) {
        open.put(key(session, requestId), closeStream);
    }

    void finished(String session, Object requestId) {
        open.remove(key(session, requestId));
        cancelled.remove(key(session, requestId));
    }

    /** The client no longer wants the answer: nothing more is sent for it, and its work stops at its next step. */
    void cancel(String session, Object requestId) {
        Runnable closeStream = open.get(key(session, requestId));
        if (closeStream != null) {
            cancelled.add(key(session, requestId));
            closeStream.run();
        }
    }

    boolean isCancelled(String session, Object requestId) {
        return requestId != null && cancelled.contains(key(session, requestId));
    }

    private static String key(String session, Object requestId) {
        return session + " " + requestId;
    }
}
