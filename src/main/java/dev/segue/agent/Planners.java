package dev.segue.agent;

import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Planner;
import dev.segue.planner.PlannerChoice;
import java.util.Optional;

/** The offline planner, and the LLM planner when one is configured: "auto" takes the LLM when there is one. */
public record Planners(OfflinePlanner offline, Optional<LlmPlanner> llm) implements PlannerChoice {

    @Override
    public Planner choose(String option) {
        if ("offline".equals(option)) {
            return offline;
        }
        if ("llm".equals(option) && llm.isEmpty()) {
            throw new IllegalArgumentException("options.planner is \"llm\", but no LLM is configured");
        }
        return llm.<Planner>map(p -> p).orElse(offline);
    }
}
