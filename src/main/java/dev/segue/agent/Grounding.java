package dev.segue.agent;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Selection;
import dev.segue.planner.TagGroup;
import dev.segue.search.Candidate;
import dev.segue.search.SearchTools;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the agent's answer to what its tools returned in this request: picks of ids no tool returned are dropped,
 * reasons that name facts a track does not hold are left out ({@link ReasonCheck}; the explainer's replace them),
 * and exclusions the model read from the prompt count only for tags and artists the catalog has.
 */
@Dependent
class Grounding {

    /** The selection that survives (null when the answer picked nothing), and what was dropped or replaced. */
    record Grounded(Selection selection, int dropped, int replaced) {}

    private final SearchTools tools;
    private final ReasonCheck reasons;

    Grounding(SearchTools tools) {
        this.tools = tools;
        this.reasons = new ReasonCheck(tools.catalog());
    }

    /** The current playlist is known to the model (it saw it last turn), so keeping its tracks is grounded. */
    void allowPrevious(AgentRun run, PlanRequest request) {
        run.returned(request.previousTrackIds().stream()
                .flatMap(id -> tools.catalog().find(id).stream())
                .filter(t -> !request.excludeTrackIds().contains(t.id()))
                .map(t -> new Candidate(t, 0, false, "previous"))
                .toList());
    }

    /** The answer's picks that a tool returned, each once and in order, with their reasons checked. */
    Grounded ground(AgentAnswer answer, AgentRun run) {
        if (answer == null || answer.tracks().isEmpty()) {
            return new Grounded(null, 0, 0);
        }
        List<Selection.Pick> picks = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int dropped = 0;
        int replaced = 0;
        for (AgentAnswer.Pick pick : answer.tracks()) {
            if (!run.wasReturned(pick.id()) || !seen.add(pick.id())) {
                dropped += run.wasReturned(pick.id()) ? 0 : 1;
                continue;
            }
            Track track = tools.catalog().find(pick.id()).orElseThrow();
            String reason = reasons.check(pick.reason(), track).orElse(null);
            if (pick.reason() != null && reason == null) {
                replaced++;
            }
            picks.add(new Selection.Pick(pick.id(), reason));
        }
        Selection selection =
                new Selection(ModelText.clip(answer.title(), 120), ModelText.clip(answer.description(), 600), picks);
        return new Grounded(selection, dropped, replaced);
    }

    /** Exclusions the model found in the prompt (only real tags and artists) tighten the hard filter. */
    Intent withExclusions(Intent intent, AgentAnswer answer) {
        Catalog catalog = tools.catalog();
        List<String> tags = new ArrayList<>(intent.excludeTags());
        for (String raw : answer.excludeTags()) {
            String tag = Tags.normalize(raw);
            if (tag != null && catalog.categoryOf(tag).isPresent() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<String> artists = answer.excludeArtists().stream()
                .flatMap(a -> catalog.artist(a).stream())
                .toList();
        Intent withArtists = intent.withExcludedArtists(artists);
        List<TagGroup> kept = withArtists.include().stream()
                .filter(g -> g.tags().stream().anyMatch(t -> !tags.contains(t)))
                .toList();
        return withArtists.withTags(new Intent.Tags(kept, tags));
    }
}
