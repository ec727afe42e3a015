package dev.segue.api;

import dev.segue.agent.LlmStats;
import dev.segue.agent.Planners;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system")
public class SystemResource {

    private final Planners planners;

    private final LlmStats stats;

    SystemResource(Planners planners, LlmStats stats) {
        this.planners = planners;
        this.stats = stats;
    }

    public record SystemInfo(String defaultPlanner, String llm, Map<String, Long> llmCounters) {}

    @GET
    @Operation(summary = "Which planner answers by default, the LLM in use (if any), and LLM counters since start")
    public SystemInfo info() {
        return new SystemInfo(
                planners.llm().isPresent() ? "llm" : "offline",
                planners.llm().map(l -> l.model()).orElse(null),
                stats.snapshot());
    }
}
