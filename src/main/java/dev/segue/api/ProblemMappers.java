package dev.segue.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.segue.planner.PromptRefused;
import dev.segue.playlist.PlaylistRepository;
import dev.segue.search.VectorStoreUnavailable;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json with a detail the caller can act on. A caller's mistake is a 4xx;
 * only our own failures are 5xx, logged with an id that the response repeats (and never with the request body).
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public static Response problem(int status, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        String instance = uri == null ? null : uri.getPath();
        Problem body =
                new Problem("about:blank", TITLES.getOrDefault(status, "Error"), status, detail, instance, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.getMessage(), e.errors(), uri);
    }

    /**
     * Bean Validation's verdict on a request (constraints on the resource methods' parameters and request records):
     * 400 with every violation. Violations anywhere else (a bean's own contract, a return value) are our failures.
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, ResourceInfo resource) {
        if (!(e instanceof ResteasyReactiveViolationException)
                || Violations.onReturnValue(e.getConstraintViolations())) {
            return internal(e, uri);
        }
        Violations violations = new Violations(e.getConstraintViolations(), resource.getResourceMethod());
        return problem(400, violations.detail(), violations.fieldErrors(), uri);
    }

    @ServerExceptionMapper
    public Response refused(PromptRefused e, UriInfo uri) {
        return problem(422, "the planner declined this request: " + e.getMessage(), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(PlaylistRepository.VersionConflict e, UriInfo uri) {
        return problem(
                409,
                "the playlist was changed by another request at the same time; read it and try again",
                List.of(),
                uri);
    }

    /** The vector store cannot answer now: a 503 with Retry-After, never a 500 (the reason goes to the log). */
    @ServerExceptionMapper
    public Response unavailable(VectorStoreUnavailable e, UriInfo uri) {
        LOG.warnf("503 on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        Response problem = problem(
                503,
                "track search is unavailable right now (the vector store did not answer);" + " retry in "
                        + e.retryAfterSeconds() + " s",
                List.of(),
                uri);
        return Response.fromResponse(problem)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    // One mapper per Jackson type: Quarkus ships its own (plain JSON) mappers for some of them, and the most
    // specific mapper wins, so each type we want as a problem body is named here.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        StreamConstraintsException.class,
        InputCoercionException.class
    })
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(400, describe(e), fieldErrors(e), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this path";
            case 406 -> "this resource answers application/json only";
            case 413 -> "the request body is too large";
            case 415 -> "send the body as application/json";
            default -> e.getMessage() == null ? TITLES.getOrDefault(status, "Error") : e.getMessage();
        };
        if (status >= 500) {
            return internal(e, uri);
        }
        return problem(status, detail, List.of(), uri);
    }

    /**
     * The problem a request that failed after its answer began (an event stream) reports in its last event: what the
     * mappers here would have answered.
     */
    Response internalOrMapped(RuntimeException e, UriInfo uri) {
        return switch (e) {
            case ApiException api -> api(api, uri);
            case PromptRefused refused -> refused(refused, uri);
            case PlaylistRepository.VersionConflict conflict -> conflict(conflict, uri);
            case VectorStoreUnavailable unavailable -> unavailable(unavailable, uri);
            default -> internal(e, uri);
        };
    }

    /** The problem body a failure outside an HTTP request (an MCP tool call) reports, as the mappers here would. */
    public Problem problemOf(RuntimeException e) {
        return (Problem) internalOrMapped(e, null).getEntity();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        VectorStoreUnavailable unavailable = VectorStoreUnavailable.in(e); // wrapped by a planner or a future
        if (unavailable != null) {
            return unavailable(unavailable, uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "internal error %s on %s", id, uri == null ? "?" : uri.getPath());
        return problem(500, "internal error (id " + id + "); the request may be retried", List.of(), uri);
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : " (known fields: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")";
            return "unknown field \"" + path(unknown) + "\"" + known;
        }
        if (e instanceof InvalidFormatException invalid) {
            return "field \"" + path(invalid) + "\" has the wrong type: expected " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && path(mismatch).isEmpty()) {
            return "the body must be a JSON object (e.g. {\"prompt\": \"calm piano\"})";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "field \"" + path(mismatch) + "\" has the wrong type: expected "
                    + typeName(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return "field \"" + path(mapping) + "\" is invalid";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return "malformed JSON"
                + (e.getLocation() == null
                        ? ""
                        : " at line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr())
                + (message.length() > 160 ? "" : ": " + message);
    }

    static List<Problem.FieldError> fieldErrors(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return List.of(new Problem.FieldError(path(mapping), describe(e)));
        }
        return List.of();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
