package dev.segue.agent;

import dev.segue.api.ApiException;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Planner;
import java.util.Optional;

/** Which planner answers a request: "offline", "llm" (400 when no LLM is configured), or "auto" (the LLM when configured). */
public record Planners(OfflinePlanner offline, Optional<LlmPlanner> llm) {

    public Planner choose(String option) {
        if (option == null || option.equals("auto")) {
            return llm.<Planner>map(p -> p).orElse(offline);
        }
        if (option.equals("llm")) {
            return llm.orElseThrow(() -> ApiException.badRequest(
                    "options.planner is \"llm\", but no LLM is configured on"
                            + " this server (set segue.llm.base-url); use \"auto\" or \"offline\"",
                    "options.planner"));
        }
        return offline;
    }
}
