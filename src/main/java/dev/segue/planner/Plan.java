package dev.segue.planner;

import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import java.util.List;

/**
 * A planner's answer: the intent, the candidate pool its tool calls produced, the query vector candidates are
 * scored against (prompt, blended with seed tracks when there are any), and the hard filter every track must pass.
 */
public record Plan(Intent intent, List<Candidate> candidates, float[] queryVector, SearchFilter hardFilter) {

    public Plan {
        candidates = List.copyOf(candidates);
    }
}
