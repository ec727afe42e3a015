package dev.segue.mcp;

import dev.segue.api.RequestGuard;
import dev.segue.config.SegueConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MCP over Streamable HTTP at /mcp: the SDK's servlet transport (sessions by Mcp-Session-Id, answers as JSON or as an
 * event stream that carries progress, GET for the server's own stream, DELETE to end a session), served by Undertow.
 * The caller's API key (Authorization: Bearer, or X-API-Key) and address go with each request to the tools. Browsers
 * may call it only from the origins the API allows (and localhost), so a web page elsewhere cannot reach a local
 * Segue through its visitor (DNS rebinding).
 */
@WebServlet(name = "mcp", urlPatterns = "/mcp", asyncSupported = true)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HttpServletStreamableServerTransportProvider transport;
    private final transient McpSyncServer server;

    McpServlet(SegueMcp mcp, SegueConfig config) {
        List<String> origins = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*"));
        Arrays.stream(config.cors().origins().split(","))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .forEach(origins::add);
        this.transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(SegueMcp.PROTOCOL_JSON)
                .mcpEndpoint("/mcp")
                .keepAliveInterval(Duration.ofSeconds(15))
                .securityValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(origins)
                        .build())
                .contextExtractor(McpServlet::caller)
                .build();
        this.server = mcp.serve(transport);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        transport.service(request, response);
    }

    @Override
    public void destroy() {
        server.closeGracefully();
        transport.destroy();
    }

    private static McpTransportContext caller(HttpServletRequest request) {
        String key = RequestGuard.presentedKey(request.getHeader("X-API-Key"), request.getHeader("Authorization"));
        return Caller.overHttp(key, request.getRemoteAddr());
    }
}
