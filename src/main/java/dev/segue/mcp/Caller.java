package dev.segue.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Who calls a tool: the API key it presented over HTTP (null when none) and its address, for {@code ClientGate}. Over
 * stdio the caller is the local user who started the process, so it is trusted like the configuration it runs with.
 */
record Caller(String key, String address, boolean local, Object requestId) {

    private static final String KEY = "segue.key";
    private static final String ADDRESS = "segue.address";
    private static final String REQUEST = "segue.request";

    /** A message over HTTP; the JSON-RPC id when it is a request (null for others), so it can be cancelled. */
    static McpTransportContext overHttp(String key, String address, Object requestId) {
        Map<String, Object> context = new HashMap<>();
        if (key != null) {
            context.put(KEY, key);
        }
        if (requestId != null) {
            context.put(REQUEST, requestId);
        }
        context.put(ADDRESS, address == null ? "unknown" : address);
        return McpTransportContext.create(context);
    }

    /** The caller of a request: over HTTP, what the transport extracted; without that, the local stdio user. */
    static Caller of(McpTransportContext context) {
        Object address = context == null ? null : context.get(ADDRESS);
        if (address == null) {
            return new Caller(null, "stdio", true, null);
        }
        return new Caller((String) context.get(KEY), (String) address, false, context.get(REQUEST));
    }
}
