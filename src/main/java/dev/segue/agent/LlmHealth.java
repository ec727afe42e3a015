package dev.segue.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the last LLM calls said about the provider's settings: a base URL that does not lead to the API, or a used-up
 * quota. Readiness reports it (the service stays ready: the offline planner answers), and a call that succeeds clears
 * it.
 */
@ApplicationScoped
public class LlmHealth {

    private volatile String problem;

    void misconfigured(String why) {
        problem = why;
    }

    void quotaUsedUp(String why) {
        problem = why;
    }

    void answered() {
        problem = null;
    }

    /** The problem to fix, in words; empty while the provider answers. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
