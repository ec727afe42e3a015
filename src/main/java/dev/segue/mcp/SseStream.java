package dev.segue.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;

/**
 * One HTTP response as an MCP message stream (Server-Sent Events): the answer to one request with the notifications
 * sent while it ran (progress), or a session's listening stream (GET). Messages are written as they come, one
 * {@code message} event each; closing ends the response.
 */
final class SseStream implements McpStreamableServerTransport {

    private final HttpServerResponse response;
    private final McpJsonMapper json;
    private final String sessionId;
    private boolean closed;

    SseStream(HttpServerResponse response, McpJsonMapper json, String sessionId) {
        this.response = response;
        this.json = json;
        this.sessionId = sessionId;
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=UTF-8")
                .putHeader("Cache-Control", "no-cache");
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> {
            try {
                String id = messageId == null ? sessionId : messageId;
                write("id: " + id + "\nevent: message\ndata: " + json.writeValueAsString(message) + "\n\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A comment line, so that proxies keep a quiet stream open. */
    void keepAlive() {
        write(": keep-alive\n\n");
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return json.convertValue(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void write(String text) {
        if (!closed && !response.closed()) {
            response.write(text);
        }
    }
}
