package dev.segue.mcp;

import dev.segue.trace.Progress;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Passes a tool call's {@link Progress} (the events the web page's stream shows: planning, each LLM call, each tool
 * call, tracks found) on as {@code notifications/progress}, when the client asked for them with a progressToken. The
 * total is unknown, so progress counts the events, which only ever grows, as the spec asks. A request the client
 * cancelled stops at its next event.
 */
final class ProgressNotifier {

    private final McpSyncServerExchange exchange;
    private final Object token;
    private final BooleanSupplier cancelled;
    private int sent;

    ProgressNotifier(McpSyncServerExchange exchange, Object token, BooleanSupplier cancelled) {
        this.exchange = exchange;
        this.token = token;
        this.cancelled = cancelled;
    }

    /** Passes the event on; stops the work when the client has cancelled the request meanwhile. */
    synchronized void report(Progress.Event event) {
        if (cancelled.getAsBoolean()) {
            throw new Progress.Stopped("the client cancelled this request");
        }
        if (token == null) {
            return;
        }
        sent++;
        exchange.progressNotification(new ProgressNotification(token, sent, null, message(event)));
    }

    /** "tool search_tracks: 40 results", "llm call 1", "planning": what a person watching would want to read. */
    static String message(Progress.Event event) {
        Map<String, Object> data = event.data();
        if ("tool".equals(event.name())) {
            return "tool " + data.get("name") + ": " + data.get("results") + " results";
        }
        if ("llm".equals(event.name())) {
            return "llm call " + data.get("call");
        }
        String facts = data.entrySet().stream()
                .filter(e -> e.getValue() instanceof String || e.getValue() instanceof Number)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return facts.isEmpty() ? event.name() : event.name() + ": " + facts;
    }
}
