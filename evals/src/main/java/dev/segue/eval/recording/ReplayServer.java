package dev.segue.eval.recording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Answers Segue from a recording during {@code --replay}, with no provider: each request gets the response recorded
 * for the same request (see {@link RequestShape}: method, path and body, tool-call ids by position). Requests that
 * are the same are answered in the order they were recorded, so a retried call gets its recorded retry; one asked
 * more often than recorded gets the last recorded answer again. A request that matches nothing recorded has drifted
 * (the prompt, a tool schema, the model's settings or the agent changed): it is answered 400, so Segue stops asking
 * at once, and the first difference from the nearest recorded request is kept for the run's verdict.
 */
public final class ReplayServer implements AutoCloseable {

    /** A request that matched no recorded one: which, and how it differs from the nearest recorded request. */
    public record Drift(int request, String method, String path, int nearest, String difference) {
        public String describe() {
            return "request " + request + " (" + method + " " + path + ") is not in the recording"
                    + (nearest == 0
                            ? ""
                            : "; it differs from the nearest, exchange " + String.format("%04d", nearest) + ", "
                                    + difference);
        }
    }

    private record Answer(Exchange.Response response, Drift drift) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final String basePath;
    private final List<Exchange> recorded;
    private final List<RequestShape> shapes;
    private final boolean[] used;
    private final List<Drift> drifts = new ArrayList<>();
    private int requests;
    private int repeats;

    private ReplayServer(HttpServer server, ExecutorService threads, Recording recording) {
        this.server = server;
        this.threads = threads;
        this.basePath = URI.create(recording.manifest().baseUrl()).getRawPath();
        this.recorded = recording.exchanges();
        this.shapes = recorded.stream().map(e -> RequestShape.of(e.request())).toList();
        this.used = new boolean[recorded.size()];
    }

    public static ReplayServer start(Recording recording) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        ReplayServer replay = new ReplayServer(server, threads, recording);
        server.createContext("/", replay::answer);
        server.start();
        return replay;
    }

    /** The base URL to give Segue: this server, with the recorded provider's base path. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (basePath == null ? "" : basePath);
    }

    public synchronized List<Drift> drifts() {
        return List.copyOf(drifts);
    }

    public synchronized int requests() {
        return requests;
    }

    /** Requests answered again with an answer already given (asked more often than recorded). */
    public synchronized int repeats() {
        return repeats;
    }

    /** Recorded exchanges no request asked for, by sequence number. */
    public synchronized List<Integer> unused() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                out.add(recorded.get(i).seq());
            }
        }
        return out;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI asked = exchange.getRequestURI();
            Secrets secrets = new Secrets().learnHeaders(exchange.getRequestHeaders());
            Exchange.Request request = Exchange.Request.of(
                    exchange.getRequestMethod(),
                    secrets.path(asked.getRawPath(), asked.getRawQuery()),
                    null,
                    Body.of(exchange.getRequestBody().readAllBytes(), secrets));
            Answer answer = match(RequestShape.of(request));
            if (answer.drift() != null) {
                send(exchange, 400, "application/json", drifted(answer.drift()));
            } else {
                Exchange.Response response = answer.response();
                response.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                send(exchange, response.status(), null, response.body().bytes());
            }
        }
    }

    /** The recorded response for this request, or the drift (also kept) when there is none. */
    private synchronized Answer match(RequestShape sent) {
        requests++;
        int last = -1;
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).equals(sent)) {
                if (!used[i]) {
                    used[i] = true;
                    return new Answer(recorded.get(i).response(), null);
                }
                last = i;
            }
        }
        if (last >= 0) {
            repeats++;
            return new Answer(recorded.get(last).response(), null);
        }
        Drift drift = drift(sent);
        drifts.add(drift);
        return new Answer(null, drift);
    }

    /** Compared with the recorded request that shares the most with it: the unused ones first, earliest on a tie. */
    private Drift drift(RequestShape sent) {
        int nearest = -1;
        long best = Long.MIN_VALUE;
        for (int i = 0; i < shapes.size(); i++) {
            long score = RequestShape.similarity(shapes.get(i), sent) * 2L + (used[i] ? 0 : 1);
            if (score > best) {
                best = score;
                nearest = i;
            }
        }
        if (nearest < 0) {
            return new Drift(requests, sent.method(), sent.path(), 0, "");
        }
        RequestShape.Difference d = RequestShape.firstDifference(shapes.get(nearest), sent);
        return new Drift(
                requests, sent.method(), sent.path(), recorded.get(nearest).seq(), d == null ? "" : d.describe());
    }

    /** An OpenAI-style error body: what Segue's note about the fallback will quote. */
    private static byte[] drifted(Drift drift) {
        ObjectNode body = Body.JSON.createObjectNode();
        body.putObject("error").put("type", "segue_replay_drift").put("message", "segue replay: " + drift.describe());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
