package dev.segue.mcp;

import java.util.Map;
import java.util.function.Function;

/**
 * One tool Segue offers over MCP: its name (its schemas and description are {@code mcp/<name>.json}), whether it
 * changes anything (then it needs an API key, as the HTTP API's writes do), and what it does with the arguments. The
 * answer is a record the HTTP API would also return; a caller's mistake is an {@code ApiException}.
 */
record McpTool(String name, boolean writes, Function<Map<String, Object>, Object> call) {

    static McpTool reading(String name, Function<Map<String, Object>, Object> call) {
        return new McpTool(name, false, call);
    }

    static McpTool writing(String name, Function<Map<String, Object>, Object> call) {
        return new McpTool(name, true, call);
    }
}
