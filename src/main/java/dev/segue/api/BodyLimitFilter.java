package dev.segue.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects bodies larger than any valid request (a 2,000-character prompt and a few lists fit in far less) with a
 * 413 problem before they are read. The HTTP layer's own hard limit (quarkus.http.limits.max-body-size) stays
 * above this one, as a backstop for bodies without a Content-Length.
 */
public class BodyLimitFilter {

    static final long MAX_BODY_BYTES = 64 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > MAX_BODY_BYTES) {
            return ProblemMappers.problem(
                    413,
                    "the request body is " + length + " bytes; the limit is " + MAX_BODY_BYTES,
                    List.of(),
                    request.getUriInfo());
        }
        return null;
    }
}
