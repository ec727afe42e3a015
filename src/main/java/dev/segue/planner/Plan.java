package dev.segue.planner;

import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A planner's answer: the intent, the candidate pool its tool calls produced, the query vector candidates are
 * scored against (prompt, blended with seed tracks when there are any), the hard filter every track must pass, which
 * planner actually produced it (the LLM planner falls back to "offline"), notes for the listener, and, from the LLM,
 * its own ordered selection and the conversation a refinement continues.
 */
public record Plan(
        Intent intent,
        List<Candidate> candidates,
        float[] queryVector,
        SearchFilter hardFilter,
        String planner,
        List<String> notes,
        Selection selection,
        List<Turn> conversation) {

    public Plan {
        candidates = List.copyOf(candidates);
        notes = notes == null ? List.of() : List.copyOf(notes);
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
    }

    /** A copy that says which planner produced it after all, and why. */
    public Plan withPlanner(String name, List<String> moreNotes) {
        List<String> all = new ArrayList<>(moreNotes);
        all.addAll(notes);
        return new Plan(intent, candidates, queryVector, hardFilter, name, all, selection, conversation);
    }
}
