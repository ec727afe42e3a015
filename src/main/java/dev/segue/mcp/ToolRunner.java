package dev.segue.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.api.ApiException;
import dev.segue.api.ClientGate;
import dev.segue.api.Problem;
import dev.segue.api.ProblemMappers;
import dev.segue.trace.Progress;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one tool call as the HTTP API runs a request: the same API keys for writes and the same rate limit per client
 * ({@link ClientGate}), progress reported while it works, the answer as the JSON the API returns (structuredContent)
 * with a short text rendering, and a failure as a tool error whose text is the problem body the API would send.
 */
@ApplicationScoped
class ToolRunner {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ClientGate gate;
    private final ProblemMappers problems;
    private final ObjectMapper json;
    private final Cancellations cancellations;

    ToolRunner(ClientGate gate, ProblemMappers problems, ObjectMapper json, Cancellations cancellations) {
        this.gate = gate;
        this.problems = problems;
        this.json = json;
        this.cancellations = cancellations;
    }

    CallToolResult run(McpTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
        try {
            Caller caller = Caller.of(exchange.transportContext());
            admit(tool, caller);
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            ProgressNotifier progress = new ProgressNotifier(
                    exchange,
                    request.progressToken(),
                    () -> cancellations.isCancelled(exchange.sessionId(), caller.requestId()));
            Object answer =
                    Progress.reportingTo(progress::report, () -> tool.call().apply(arguments));
            return CallToolResult.builder()
                    .structuredContent(json.convertValue(answer, OBJECT))
                    .addTextContent(TextRendering.of(answer))
                    .isError(false)
                    .build();
        } catch (Progress.Stopped cancelled) {
            // the client cancelled: this answer is not sent (its stream is closed), but the SDK wants one
            return CallToolResult.builder()
                    .addTextContent(cancelled.getMessage())
                    .isError(true)
                    .build();
        } catch (RuntimeException e) {
            return failed(problems.problemOf(e));
        }
    }

    /** A write needs a valid key when keys are configured (not over stdio); every call takes from the rate limit. */
    private void admit(McpTool tool, Caller caller) {
        if (tool.writes() && !caller.local()) {
            Optional<String> refused = gate.refusedWrite(caller.key());
            if (refused.isPresent()) {
                throw new ApiException(401, refused.get(), List.of());
            }
        }
        long wait = gate.secondsToWait(caller.key(), caller.address());
        if (wait > 0) {
            throw new ApiException(429, gate.tooMany(wait), List.of());
        }
    }

    private CallToolResult failed(Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = problem.detail();
        }
        return CallToolResult.builder().addTextContent(body).isError(true).build();
    }
}
