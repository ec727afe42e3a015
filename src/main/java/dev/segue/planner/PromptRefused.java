package dev.segue.planner;

/** The planner declined the request (not about music, or unsafe); the API answers 422 with the reason. */
public final class PromptRefused extends RuntimeException {
    public PromptRefused(String reason) {
        super(reason, null, false, false);
    }
}
