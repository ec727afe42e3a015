package dev.segue.planner;

import dev.segue.trace.Trace;

/**
 * Decides what to search for and calls the retrieval tools. Two implementations: the offline planner (lexicon,
 * vocabulary and embeddings; no LLM) and the LLM agent. Both return the same {@link Plan}, so scoring, assembly and
 * explanation never know which one ran.
 */
public interface Planner {

    /** "offline" or "llm", as reported in the playlist. */
    String name();

    Plan plan(PlanRequest request, Trace trace);
}
