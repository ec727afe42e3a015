package dev.segue.api;

import dev.segue.agent.LlmHealth;
import dev.segue.agent.Planners;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The LLM as readiness sees it: configured or not, and what its last calls said about its settings (a base URL that
 * does not lead to the API, a used-up quota). The service stays ready either way, since the offline planner answers;
 * the message says what to fix.
 */
@Readiness
@ApplicationScoped
public class LlmReadiness implements HealthCheck {

    private final Planners planners;
    private final LlmHealth health;

    LlmReadiness(Planners planners, LlmHealth health) {
        this.planners = planners;
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("llm").up();
        if (planners.llm().isEmpty()) {
            return check.withData("planner", "offline").build();
        }
        check.withData("planner", "llm").withData("model", planners.llm().get().model());
        health.problem().ifPresent(p -> check.withData("message", "degraded: " + p + "; the offline planner answers"));
        return check.build();
    }
}
