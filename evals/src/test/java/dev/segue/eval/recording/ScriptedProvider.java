package dev.segue.eval.recording;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in provider for the recording tests: POST /v1/chat/completions answers a completion, or with
 * {@code "stream": true} an SSE stream whose second event waits for {@link #finishStream()}; a wrong key gets a 401
 * that echoes it, as some providers do. Nothing here is a model: the tests are about the bytes.
 */
final class ScriptedProvider implements AutoCloseable {

    static final String KEY = "sk-test-0123456789abcdef";
    static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}";
    static final String FIRST_EVENT = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hel\"}}]}\n\n";
    static final String REST = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},"
            + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private final HttpServer server;
    private final ExecutorService threads;
    private final CountDownLatch streamMayFinish = new CountDownLatch(1);

    ScriptedProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void finishStream() {
        streamMayFinish.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!auth.equals("Bearer " + KEY)) {
                send(
                        exchange,
                        401,
                        "application/json",
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + auth.replace("Bearer ", "")
                                + "\"}}");
            } else if (body.contains("\"stream\":true")) {
                stream(exchange);
            } else {
                exchange.getResponseHeaders().set("x-ratelimit-remaining-tokens", "9000");
                send(exchange, 200, "application/json", COMPLETION);
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(FIRST_EVENT.getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            if (!streamMayFinish.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the test never let the stream finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        out.write(REST.getBytes(StandardCharsets.UTF_8));
        out.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
