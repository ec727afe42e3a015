package dev.segue.dj;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * News of DJ sessions for their SSE listeners: a session has a new segment, or has been closed. The news only says
 * that something changed; listeners read the segments from the store, so that none is lost or repeated. Knows which
 * sessions have listeners (those never expire).
 */
@ApplicationScoped
class DjNews {

    record News(String session, boolean closed) {}

    /** Sessions are planned on many threads at once; the processor takes one item at a time. */
    private final SerializedProcessor<News, News> news =
            BroadcastProcessor.<News>create().serialized();

    private final Map<String, Integer> listeners = new ConcurrentHashMap<>();

    void segmentAdded(String session) {
        news.onNext(new News(session, false));
    }

    void closed(String session) {
        news.onNext(new News(session, true));
    }

    /** The news of one session from now on, counted as one listener of it while subscribed. */
    Multi<News> about(String session) {
        return Multi.createFrom()
                .publisher(news)
                .select()
                .where(n -> n.session().equals(session))
                .onSubscription()
                .invoke(() -> listeners.merge(session, 1, Integer::sum))
                .onTermination()
                .invoke(() -> listeners.computeIfPresent(session, (id, count) -> count == 1 ? null : count - 1));
    }

    boolean hasListeners(String session) {
        return listeners.containsKey(session);
    }
}
