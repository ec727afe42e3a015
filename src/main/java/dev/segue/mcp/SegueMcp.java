package dev.segue.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Segue as an MCP server (the official MCP Java SDK), over Streamable HTTP ({@link McpHttpTransport}, /mcp) or stdio
 * ({@code segue mcp}): the same tools either way, each described by {@code mcp/<name>.json} (its description, input
 * schema and output schema). The SDK checks every answer against its output schema; inputs are checked by the same
 * Bean Validation as the HTTP API's bodies, so a mistake reads as its problem body would.
 */
@ApplicationScoped
public class SegueMcp {

    /** For MCP's own messages: Jackson's defaults, not the strict mapper our request bodies are read with. */
    static final McpJsonMapper PROTOCOL_JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    private static final String INSTRUCTIONS = "Segue makes playlists from descriptions in words. create_playlist makes"
            + " one; refine_playlist and remove_track make its next version; search_tracks finds catalog tracks;"
            + " dj_start, dj_next and dj_request run an AI-DJ session segment by segment.";

    private final List<McpTool> tools = new ArrayList<>();
    private final ToolRunner runner;

    SegueMcp(PlaylistTools playlists, SearchTool search, DjTools dj, ToolRunner runner) {
        this.tools.addAll(playlists.tools());
        this.tools.add(search.tool());
        this.tools.addAll(dj.tools());
        this.runner = runner;
    }

    /** A server for one client on a stream (stdio). */
    public McpSyncServer serve(McpServerTransportProvider transport) {
        return configured(McpServer.sync(transport)).build();
    }

    /** A server for any number of sessions over Streamable HTTP. */
    public McpSyncServer serve(McpStreamableServerTransportProvider transport) {
        return configured(McpServer.sync(transport)).build();
    }

    /** Serves one client on a stream (stdio) until its input ends. */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        EndOfInput input = new EndOfInput(in);
        McpSyncServer server = serve(new StdioServerTransportProvider(PROTOCOL_JSON, input, out));
        input.await();
        server.closeGracefully();
    }

    private McpServer.SyncSpecification<?> configured(McpServer.SyncSpecification<?> spec) {
        String version = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class)
                .orElse("dev");
        return spec.serverInfo(new McpSchema.Implementation("segue", "Segue", version))
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(PROTOCOL_JSON)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator())
                // our Bean Validation answers bad input, with the detail of the API's problem bodies
                .validateToolInputs(false)
                .tools(specifications());
    }

    private List<SyncToolSpecification> specifications() {
        return tools.stream()
                .map(tool -> SyncToolSpecification.builder()
                        .tool(definition(tool))
                        .callHandler((exchange, request) -> runner.run(tool, exchange, request))
                        .build())
                .toList();
    }

    /** The tool as clients see it, from mcp/<name>.json. */
    @SuppressWarnings("unchecked")
    static McpSchema.Tool definition(McpTool tool) {
        Map<String, Object> file = read("mcp/" + tool.name() + ".json");
        return McpSchema.Tool.builder()
                .name(tool.name())
                .title((String) file.get("title"))
                .description((String) file.get("description"))
                .inputSchema((Map<String, Object>) file.get("inputSchema"))
                .outputSchema((Map<String, Object>) file.get("outputSchema"))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title((String) file.get("title"))
                        .readOnlyHint(!tool.writes())
                        .destructiveHint(false)
                        .openWorldHint(false)
                        .build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String resource) {
        try (InputStream in = SegueMcp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " in the application");
            }
            return PROTOCOL_JSON.readValue(in.readAllBytes(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
