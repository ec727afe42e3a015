package dev.segue.planner;

/** Which planner answers a request, by its {@code options.planner}: auto, offline or llm. */
public interface PlannerChoice {

    /** The planner for an option value (null means auto); the API edge has already refused unavailable ones. */
    Planner choose(String option);

    /** The planner that needs nothing but the catalog; also what answers when the LLM cannot. */
    Planner offline();
}
