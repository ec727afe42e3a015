package dev.segue.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call the API and how often ({@link ClientGate}, which the MCP server shares). Write methods need an API key
 * when keys are configured (401 otherwise); past a client's rate, a 429 with Retry-After.
 */
public class RequestGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ClientGate gate;

    RequestGuard(ClientGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter(priority = 10)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String key = presentedKey(request.getHeaderString("X-API-Key"), request.getHeaderString("Authorization"));
        if (WRITES.contains(request.getMethod())) {
            Optional<String> refused = gate.refusedWrite(key);
            if (refused.isPresent()) {
                return Response.fromResponse(
                                ProblemMappers.problem(401, refused.get(), List.of(), request.getUriInfo()))
                        .header("WWW-Authenticate", "Bearer")
                        .build();
            }
        }
        long wait = gate.secondsToWait(key, address(http));
        if (wait > 0) {
            return Response.fromResponse(
                            ProblemMappers.problem(429, gate.tooMany(wait), List.of(), request.getUriInfo()))
                    .header("Retry-After", wait)
                    .build();
        }
        return null;
    }

    /** The key a client sent: X-API-Key, else a bearer token; null when it sent none. */
    public static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    private static String address(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null
                ? "unknown"
                : http.remoteAddress().hostAddress();
    }
}
