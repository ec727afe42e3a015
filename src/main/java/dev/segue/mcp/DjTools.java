package dev.segue.mcp;

import dev.segue.api.ApiException;
import dev.segue.api.CallerInput;
import dev.segue.api.DjResource;
import dev.segue.api.validation.Snippet;
import dev.segue.dj.DjSegment;
import dev.segue.dj.DjService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The AI-DJ tools: {@link DjService}'s sessions, with the inputs and answers of /api/dj/sessions. */
@ApplicationScoped
class DjTools {

    private final DjService dj;
    private final CallerInput input;

    DjTools(DjService dj, CallerInput input) {
        this.dj = dj;
        this.input = input;
    }

    List<McpTool> tools() {
        return List.of(
                McpTool.writing("dj_start", this::start),
                McpTool.reading("dj_next", this::next),
                McpTool.writing("dj_request", this::request));
    }

    private DjService.Opened start(Map<String, Object> arguments) {
        DjResource.OpenRequest open = input.read(arguments, DjResource.OpenRequest.class);
        return dj.open(open.userId(), open.prompt(), open.minutes());
    }

    private DjSegment next(Map<String, Object> arguments) {
        Map<String, Object> rest = new HashMap<>(arguments);
        String id = sessionId(rest.remove("sessionId"));
        input.read(rest, NoArguments.class);
        return dj.next(id).orElseThrow(() -> unknown(id));
    }

    private DjResource.Interpretation request(Map<String, Object> arguments) {
        Map<String, Object> body = new HashMap<>(arguments);
        String id = sessionId(body.remove("sessionId"));
        DjResource.DjRequest request = input.read(body, DjResource.DjRequest.class);
        return new DjResource.Interpretation(dj.request(id, request.text()).orElseThrow(() -> unknown(id)));
    }

    /** dj_next takes nothing but the session: anything else is a mistake, as an unknown body field is. */
    record NoArguments() {}

    private static String sessionId(Object value) {
        if (!(value instanceof String id) || id.isBlank()) {
            throw ApiException.badRequest("sessionId is required: the id dj_start returned", "sessionId");
        }
        if (id.length() > 100) {
            throw unknown(id);
        }
        return id;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no DJ session with id \"" + Snippet.of(id) + "\"");
    }
}
