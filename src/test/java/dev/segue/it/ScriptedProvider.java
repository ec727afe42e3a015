package dev.segue.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible provider on a real socket, with the two behaviours the deadlines are about: one that takes the
 * request and never sends a byte (dead), and one that streams every answer slowly (alive): a search_tracks call, then
 * a selection of the tracks that call returned, each spread over a number of chunks with a pause between them.
 */
final class ScriptedProvider implements AutoCloseable {

    enum Mode {
        SILENT,
        SLOW
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final int chunks;
    private final Duration pause;
    private volatile Mode mode = Mode.SILENT;

    /** Each slow answer is {@code chunks} chunks with {@code pause} before each but the first. */
    ScriptedProvider(int chunks, Duration pause) throws IOException {
        this.chunks = chunks;
        this.pause = pause;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    void mode(Mode mode) {
        this.mode = mode;
        requests.set(0);
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        try (exchange) {
            if (mode == Mode.SILENT) {
                closed.await(); // the connection stays open and quiet until the test ends
                return;
            }
            List<String> found = toolResultIds(request);
            List<String> pieces = found.isEmpty() ? searchCall() : selection(found);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    Thread.sleep(pause);
                }
                out.write(("data: " + pieces.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the tracks the tools returned so far, from the tool messages of the request. */
    private static List<String> toolResultIds(JsonNode request) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode message : request.path("messages")) {
            if ("tool".equals(message.path("role").asText())) {
                ids.addAll(JSON.readTree(message.path("content").asText()).findValuesAsText("id"));
            }
        }
        return new ArrayList<>(ids);
    }

    private List<String> searchCall() {
        String arguments = "{\"query\": \"calm piano\", \"instruments\": [\"piano\"]}";
        List<String> out = new ArrayList<>();
        ObjectNode first = chunk();
        ObjectNode call = delta(first).putArray("tool_calls").addObject();
        call.put("index", 0).put("id", "call_1").put("type", "function");
        call.putObject("function").put("name", "search_tracks").put("arguments", "");
        out.add(first.toString());
        for (String part : split(arguments, chunks - 2)) {
            ObjectNode c = chunk();
            ObjectNode d = delta(c).putArray("tool_calls").addObject().put("index", 0);
            d.putObject("function").put("arguments", part);
            out.add(c.toString());
        }
        out.add(finish("tool_calls"));
        return out;
    }

    private List<String> selection(List<String> ids) {
        ObjectNode answer = JSON.createObjectNode().put("title", "Slow Piano").put("description", "Streamed slowly.");
        ArrayNode tracks = answer.putArray("tracks");
        ids.stream().limit(12).forEach(id -> tracks.addObject().put("id", id).put("reason", "Calm piano."));
        List<String> out = new ArrayList<>();
        for (String part : split(answer.toString(), chunks - 1)) {
            ObjectNode c = chunk();
            delta(c).put("content", part);
            out.add(c.toString());
        }
        out.add(finish("stop"));
        return out;
    }

    private static ObjectNode chunk() {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-slow")
                .put("object", "chat.completion.chunk")
                .put("created", 1764000000)
                .put("model", "test-model");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta");
        return chunk;
    }

    private static ObjectNode delta(ObjectNode chunk) {
        return (ObjectNode) chunk.at("/choices/0/delta");
    }

    private static String finish(String reason) {
        ObjectNode c = chunk();
        ((ObjectNode) c.at("/choices/0")).put("finish_reason", reason);
        return c.toString();
    }

    private static List<String> split(String text, int pieces) {
        List<String> out = new ArrayList<>();
        int size = (text.length() + pieces - 1) / pieces;
        for (int at = 0; at < text.length(); at += size) {
            out.add(text.substring(at, Math.min(text.length(), at + size)));
        }
        return out;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
