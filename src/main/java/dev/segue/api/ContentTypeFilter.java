package dev.segue.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a Content-Type that is no media type at all (say "; charset=ISO-8859-1", what a client sends for an empty
 * type) with a 415 problem before the request is matched. Where one path has two methods, plain JSON and
 * Server-Sent Events (creating and refining playlists), matching parses the Content-Type and would fail with a 500.
 */
public class ContentTypeFilter {

    @ServerRequestFilter(preMatching = true)
    public Response readable(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return null;
        }
        try {
            MediaType.valueOf(type);
            return null;
        } catch (IllegalArgumentException notAMediaType) {
            return ProblemMappers.problem(
                    415,
                    "the Content-Type is not a media type; send the body as application/json",
                    List.of(),
                    request.getUriInfo());
        }
    }
}
