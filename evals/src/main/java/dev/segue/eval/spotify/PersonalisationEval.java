package dev.segue.eval.spotify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Json;
import dev.segue.eval.RankingMetrics;
import dev.segue.eval.ServiceClient;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Simulated listeners from real playlists, through Segue's HTTP API: each playlist's first half is a listener's
 * history (plays, sent to {@code POST /api/users/{id}/events}), its second half the target; the playlist's title is the
 * prompt. Recall@20 and NDCG@10 of the playlist made with and without the listener's userId, per ranker.
 */
final class PersonalisationEval {

    /** The report's rankers and the options.ranker each is asked for, in report order. */
    static final Map<String, String> RANKERS = orderedRankers();

    static final int LENGTH = 20;
    private static final int MIN_TRACKS = 10;
    private static final int EVENTS_PER_CALL = 500; // the API's limit

    /** A playlist as a listener: its catalog tracks in playlist order. */
    record Listener(String playlist, String title, List<String> tracks) {}

    /** One listener's scores, without and with their history, by ranker ("baseline", "transformer"). */
    record Result(String playlist, String title, String split, int history, int target, Map<String, Scores> byRanker) {}

    record Scores(double recallPlain, double recallPersonal, double ndcgPlain, double ndcgPersonal) {}

    /** The results in listener order, and the transformer's name as the service reports it. */
    record Outcome(String rankerName, List<Result> results) {}

    /** The service answered something other than what the API documents: the evaluation cannot go on. */
    static final class ServiceError extends RuntimeException {
        ServiceError(String message) {
            super(message);
        }
    }

    private final ServiceClient client;
    private final int concurrency;
    private final PrintWriter log;

    PersonalisationEval(ServiceClient client, int concurrency, PrintWriter log) {
        this.client = client;
        this.concurrency = concurrency;
        this.log = log;
    }

    private static Map<String, String> orderedRankers() {
        Map<String, String> rankers = new LinkedHashMap<>();
        rankers.put("baseline", "none");
        rankers.put("transformer", "auto");
        return rankers;
    }

    /**
     * Playlists with a title and at least 10 tracks the target's catalog serves ({@code GET /api/tracks/{id}}), in
     * the order of playlist_tracks.csv, at most {@code limit}.
     */
    List<Listener> listeners(SpotifyData data, int limit) throws Exception {
        Map<String, String> titles = new LinkedHashMap<>();
        data.playlists().forEach(p -> titles.put(p.id(), p.name()));
        Map<String, List<String>> members = new LinkedHashMap<>();
        data.tracksByPlaylist()
                .forEach((id, tracks) ->
                        members.put(id, tracks.stream().map(t -> "spotify:" + t).toList()));
        Set<String> distinct = new HashSet<>();
        members.values().forEach(distinct::addAll);
        Map<String, Boolean> known = inParallel(new ArrayList<>(distinct), id -> () -> served(id));
        List<Listener> listeners = new ArrayList<>();
        for (Map.Entry<String, List<String>> playlist : members.entrySet()) {
            List<String> tracks =
                    playlist.getValue().stream().filter(known::get).toList();
            String title = titles.get(playlist.getKey());
            if (tracks.size() >= MIN_TRACKS && title != null && !title.isBlank() && listeners.size() < limit) {
                listeners.add(new Listener(playlist.getKey(), title, tracks));
            }
        }
        return listeners;
    }

    Outcome evaluate(List<Listener> listeners) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> rankerNames = new LinkedHashMap<>();
        AtomicInteger done = new AtomicInteger();
        Map<Listener, Result> results = inParallel(listeners, listener -> () -> {
            Result result = evaluate(listener, now, rankerNames);
            int n = done.incrementAndGet();
            if (n % 50 == 0 || n == listeners.size()) {
                synchronized (log) {
                    log.printf("personalisation: %d of %d listeners%n", n, listeners.size());
                    log.flush();
                }
            }
            return result;
        });
        String rankerName = rankerNames.getOrDefault("transformer", "(none)");
        return new Outcome(rankerName, listeners.stream().map(results::get).toList());
    }

    private Result evaluate(Listener listener, Instant now, Map<String, String> rankerNames) {
        List<String> history = listener.tracks().subList(0, listener.tracks().size() / 2);
        Set<String> target = new HashSet<>(listener.tracks()
                .subList(listener.tracks().size() / 2, listener.tracks().size()));
        String user = "listener-" + listener.playlist();
        deleteUser(user); // a run cut short may have left a history behind
        sendHistory(user, history, now);
        Map<String, Scores> byRanker = new LinkedHashMap<>();
        RANKERS.forEach((name, option) -> {
            List<String> plain = playlist(listener.title(), null, option, name, rankerNames);
            List<String> personal = playlist(listener.title(), user, option, name, rankerNames);
            byRanker.put(
                    name,
                    new Scores(
                            recallAt20(plain, target),
                            recallAt20(personal, target),
                            RankingMetrics.ndcg(plain, target, 10),
                            RankingMetrics.ndcg(personal, target, 10)));
        });
        deleteUser(user);
        return new Result(
                listener.playlist(),
                listener.title(),
                RankerSplit.of(listener.title()),
                history.size(),
                target.size(),
                byRanker);
    }

    /** One play a minute, the last a minute ago. */
    private void sendHistory(String user, List<String> history, Instant now) {
        for (int from = 0; from < history.size(); from += EVENTS_PER_CALL) {
            ArrayNode events = Json.JSON.createArrayNode();
            for (int i = from; i < Math.min(history.size(), from + EVENTS_PER_CALL); i++) {
                events.addObject()
                        .put("trackId", history.get(i))
                        .put("type", "play")
                        .put("at", now.minusSeconds(60L * (history.size() - i)).toString());
            }
            expect(client.post("/api/users/" + encode(user) + "/events", events), 202, "recording plays");
        }
    }

    private List<String> playlist(
            String title, String user, String rankerOption, String rankerName, Map<String, String> rankerNames) {
        ObjectNode body = Json.JSON.createObjectNode().put("prompt", title).put("length", LENGTH);
        if (user != null) {
            body.put("userId", user);
        }
        body.putObject("options").put("planner", "offline").put("ranker", rankerOption);
        ServiceClient.Reply reply = expect(client.post("/api/playlists", body), 201, "creating \"" + title + "\"");
        synchronized (rankerNames) {
            rankerNames.putIfAbsent(rankerName, reply.body().path("ranker").asText());
        }
        List<String> ids = new ArrayList<>();
        reply.body().path("tracks").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private void deleteUser(String user) {
        expect(client.delete("/api/users/" + encode(user)), 200, "deleting " + user);
    }

    private boolean served(String trackId) {
        int status = client.get("/api/tracks/" + encode(trackId)).status();
        if (status != 200 && status != 404) {
            throw new ServiceError("GET /api/tracks/" + trackId + " answered HTTP " + status);
        }
        return status == 200;
    }

    private static ServiceClient.Reply expect(ServiceClient.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new ServiceError(what + ": " + reply.detail() + ", expected HTTP " + status);
        }
        return reply;
    }

    private static double recallAt20(List<String> ranked, Set<String> target) {
        return target.isEmpty() ? 0 : RankingMetrics.hits(ranked, target, LENGTH) / (double) target.size();
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code work} for every item, {@code concurrency} at a time; a failure of any stops the whole. */
    private <T, R> Map<T, R> inParallel(List<T> items, Function<T, Callable<R>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Map<T, Future<R>> futures = new LinkedHashMap<>();
            items.forEach(item -> futures.put(item, pool.submit(work.apply(item))));
            Map<T, R> out = new LinkedHashMap<>();
            for (Map.Entry<T, Future<R>> e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }
}
