package dev.segue.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open Streamable HTTP sessions by id. Many clients never end theirs (closing a connection is not a DELETE), so a
 * session left unused for {@link #IDLE} with no stream open is closed and forgotten; its client initializes again.
 */
final class McpSessions {

    static final Duration IDLE = Duration.ofHours(1);

    private record Entry(McpStreamableServerSession session, long lastUsedNanos) {}

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    void add(McpStreamableServerSession session) {
        sessions.put(session.getId(), new Entry(session, System.nanoTime()));
    }

    /** The session, marked as used now; null when there is none by that id. */
    McpStreamableServerSession use(String id) {
        Entry used = sessions.computeIfPresent(id, (key, entry) -> new Entry(entry.session(), System.nanoTime()));
        return used == null ? null : used.session();
    }

    void remove(String id) {
        sessions.remove(id);
    }

    List<McpStreamableServerSession> all() {
        return sessions.values().stream().map(Entry::session).toList();
    }

    void clear() {
        sessions.clear();
    }

    /** Closes and forgets the sessions idle for longer than {@link #IDLE} with no stream open. */
    void sweep() {
        long now = System.nanoTime();
        sessions.values().removeIf(entry -> {
            boolean idle = now - entry.lastUsedNanos() > IDLE.toNanos()
                    && !entry.session().hasOpenStream();
            if (idle) {
                entry.session().close();
            }
            return idle;
        });
    }
}
