package dev.segue.tools.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server answering {@code POST /v1/chat/completions} with {@link ChatCompletions}, as one JSON body or,
 * when the request asks for a stream, as server-sent chunks.
 */
public final class FakeLlmServer implements AutoCloseable {

    /** Enough for the bench's 8 workers plus the service's retries, with room to spare. */
    private static final int THREADS = 16;

    private static final int BACKLOG = 64;

    private final HttpServer server;
    private final ExecutorService threads;

    private FakeLlmServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on 127.0.0.1 only: the stub is for this machine's service. Port 0 picks a free port. */
    public static FakeLlmServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", FakeLlmServer::answer);
        server.start();
        return new FakeLlmServer(server, threads);
    }

    /** The OpenAI base URL to configure a client with, e.g. http://127.0.0.1:9099/v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!request.isObject()) {
                send(exchange, 400, "{\"error\":{\"message\":\"the body is not a JSON object\"}}");
                return;
            }
            ObjectNode answer = ChatCompletions.answer(request);
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, CompletionChunks.of(answer));
            } else {
                send(exchange, 200, Json.write(answer));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void stream(HttpExchange exchange, List<ObjectNode> chunks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (ObjectNode chunk : chunks) {
                out.write(("data: " + Json.write(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
