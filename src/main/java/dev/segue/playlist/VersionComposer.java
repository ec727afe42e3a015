package dev.segue.playlist;

import dev.segue.catalog.CatalogSource;
import dev.segue.config.SegueConfig;
import dev.segue.planner.Intent;
import dev.segue.planner.Plan;
import dev.segue.planner.Selection;
import dev.segue.profile.Personalisation;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes one version of a playlist from a plan: rank the pool, assemble it to size, explain each track, and gather
 * the notes (the plan's, the intent's, the assembler's, degraded tools', personalisation's) and the title.
 */
@ApplicationScoped
class VersionComposer {

    /**
     * What one version is made from: its id and number, the first prompt and the changes asked since, the settings
     * it keeps, the plan and the intent and pool to rank (the plan's, or adjusted by the caller), the tracks a
     * refinement favours keeping, the notes so far, the request's trace, and the listener's taste (or null).
     */
    record Draft(
            String id,
            int version,
            String prompt,
            List<String> refinements,
            PlaylistSpec spec,
            Plan plan,
            Intent intent,
            List<Candidate> candidates,
            Set<String> keep,
            List<String> notes,
            Trace trace,
            Personalisation taste) {

        boolean refined() {
            return !refinements.isEmpty();
        }

        RankingPolicy.Pool pool() {
            return new RankingPolicy.Pool(spec, prompt, refined(), intent, candidates, plan.queryVector(), keep);
        }

        Draft withCandidates(List<Candidate> pool) {
            return new Draft(id, version, prompt, refinements, spec, plan, intent, pool, keep, notes, trace, taste);
        }
    }

    /** An assembly and the draft it was made from (the caller's, or one with a wider pool). */
    private record Assembled(Draft draft, Assembler.Assembly assembly) {}

    /** The pool and the order the assembler takes first: the LLM's picks, or the sequence model's next tracks. */
    private record Lead(Draft draft, List<String> preferred, String preferredBy) {}

    private final RankingPolicy ranking;
    private final SequencePolicy sequencing;
    private final Assembler assembler;
    private final Diversifier diversifier;
    private final Explainer explainer;
    private final SearchTools tools;
    private final String catalogName;

    VersionComposer(
            RankingPolicy ranking,
            SequencePolicy sequencing,
            Assembler assembler,
            Diversifier diversifier,
            Explainer explainer,
            SearchTools tools,
            CatalogSource source,
            SegueConfig config) {
        this.ranking = ranking;
        this.sequencing = sequencing;
        this.assembler = assembler;
        this.diversifier = diversifier;
        this.explainer = explainer;
        this.tools = tools;
        this.catalogName = config.catalog().name().orElse(source.displayName());
    }

    Playlist compose(Draft requested) {
        Trace trace = requested.trace();
        Intent intent = requested.intent();
        Assembler.Target target = SizeTargets.target(intent, requested.spec());
        Selection selection = requested.plan().selection();
        Lead lead = lead(requested, selection);
        Assembled assembled = assemble(lead, target);
        Draft draft = assembled.draft();
        Assembler.Assembly assembly = assembled.assembly();
        String personalised = draft.taste() == null ? null : personalisation(draft, assembly, target, lead);
        List<PlaylistTrack> tracks = trace.step("explain", () -> explain(assembly, intent, selection));
        List<String> notes = notes(draft, personalised, assembly);
        double total = tracks.stream().mapToDouble(PlaylistTrack::durationSec).sum();
        String title = selection != null && selection.title() != null
                ? selection.title()
                : explainer.title(intent, draft.prompt());
        String description = selection != null && selection.description() != null
                ? selection.description()
                : explainer.description(intent, assembly.tracks(), catalogName);
        return new Playlist(
                draft.id(),
                draft.version(),
                draft.prompt(),
                draft.refinements(),
                title,
                description,
                draft.plan().planner(),
                ranking.rankerName(draft.spec().ranker(), draft.refined()),
                tracks,
                Math.round(total * 10) / 10.0,
                intent,
                notes,
                PlaylistVersions.timestamp(),
                trace);
    }

    /**
     * What the assembler takes first, in order: the sequence model's next tracks when it orders this version (seed
     * tracks, see {@link SequencePolicy}), which then join the pool; otherwise the LLM's picks, if any.
     */
    private Lead lead(Draft draft, Selection selection) {
        if (sequencing.orders(draft.spec(), draft.refined(), draft.trace())) {
            SequencePolicy.Continuation next = sequencing.continuation(
                    draft.prompt(),
                    draft.spec().seedTrackIds(),
                    draft.spec().removedTrackIds(),
                    draft.candidates(),
                    draft.plan().queryVector(),
                    draft.trace());
            return new Lead(draft.withCandidates(next.pool()), next.order(), SequencePolicy.PREFERRED_BY);
        }
        List<String> picks = selection == null
                ? List.of()
                : selection.tracks().stream().map(Selection.Pick::id).toList();
        return new Lead(draft, picks, "the LLM's picks");
    }

    /**
     * Ranks the pool and assembles it. When the pool runs out before the size asked for, the catalog is searched
     * again beyond it (nearest to the query, under the same hard constraints), so only the hard constraints can make
     * a playlist short.
     */
    private Assembled assemble(Lead lead, Assembler.Target target) {
        Draft draft = lead.draft();
        Assembler.Assembly assembly = rankAndAssemble(draft, target, lead);
        float[] query = draft.plan().queryVector();
        if (assembly.complete() || query == null) {
            return new Assembled(draft, assembly);
        }
        Set<String> pooled = new HashSet<>();
        draft.candidates().forEach(c -> pooled.add(c.track().id()));
        List<Candidate> more = draft.trace()
                .step(
                        "top up",
                        () -> tools.searchByVector(
                                query,
                                "beyond the pool: " + draft.intent().queryText(),
                                draft.plan().hardFilter().plusExcludedIds(pooled),
                                SearchTools.MAX_LIMIT,
                                draft.trace()));
        if (more.isEmpty()) {
            return new Assembled(draft, assembly);
        }
        List<Candidate> wider = new ArrayList<>(draft.candidates());
        wider.addAll(more);
        Draft widened = draft.withCandidates(wider);
        return new Assembled(widened, rankAndAssemble(widened, target, lead));
    }

    private Assembler.Assembly rankAndAssemble(Draft draft, Assembler.Target target, Lead lead) {
        Trace trace = draft.trace();
        List<ScoredTrack> ranked = diversifier.apply(
                trace.step("rank", () -> ranking.rank(draft.pool(), draft.taste(), trace)),
                draft.spec().diversity(),
                target,
                trace);
        return trace.step(
                "assemble",
                () -> assembler.assemble(
                        draft.intent(),
                        ranked,
                        draft.plan().hardFilter(),
                        target,
                        lead.preferred(),
                        lead.preferredBy()));
    }

    /**
     * How much did the listener's history move the result? The same pool, ranked without it, for comparison: a trace
     * note, and the playlist's note that this returns.
     */
    private String personalisation(Draft draft, Assembler.Assembly assembly, Assembler.Target target, Lead lead) {
        long start = System.nanoTime();
        Set<String> plain = new HashSet<>();
        assembler
                .assemble(
                        draft.intent(),
                        diversifier.apply(
                                ranking.rank(draft.pool(), null, new Trace()),
                                draft.spec().diversity(),
                                target,
                                new Trace()),
                        draft.plan().hardFilter(),
                        target,
                        lead.preferred(),
                        lead.preferredBy())
                .tracks()
                .forEach(t -> plain.add(t.track().id()));
        long moved = assembly.tracks().stream()
                .filter(t -> !plain.contains(t.track().id()))
                .count();
        draft.trace()
                .note(
                        "personalisation",
                        Trace.millisSince(start),
                        "changed " + moved + " of " + assembly.tracks().size()
                                + " tracks compared with the same request without listening history");
        return "personalised from your listening history: " + moved + " of "
                + assembly.tracks().size() + " tracks differ from the unpersonalised playlist";
    }

    /** The LLM's reason for a track it picked (already checked against the track's facts), else the explainer's. */
    private List<PlaylistTrack> explain(Assembler.Assembly assembly, Intent intent, Selection selection) {
        Map<String, String> llmReasons = new HashMap<>();
        if (selection != null) {
            selection.tracks().stream()
                    .filter(p -> p.reason() != null)
                    .forEach(p -> llmReasons.put(p.id(), p.reason()));
        }
        List<PlaylistTrack> out = new ArrayList<>();
        int position = 1;
        for (ScoredTrack s : assembly.tracks()) {
            String reason = llmReasons.getOrDefault(s.track().id(), explainer.reason(s, intent));
            out.add(PlaylistTrack.of(position++, s.track(), reason, s.score()));
        }
        return out;
    }

    /** The notes so far, then the personalisation's, the intent's, the assembler's and degraded tools'. */
    private static List<String> notes(Draft draft, String personalised, Assembler.Assembly assembly) {
        Intent intent = draft.intent();
        List<String> notes = new ArrayList<>(draft.notes());
        if (personalised != null) {
            notes.add(personalised);
        }
        notes.addAll(intent.notes());
        if (!intent.unmatched().isEmpty()) {
            notes.add("no catalog tag for: " + String.join(", ", intent.unmatched()));
        }
        notes.addAll(assembly.notes());
        notes.addAll(draft.trace().warnings());
        // A refined version says so only when its own change left nothing named (RefinePlaylist's change notes).
        if (!draft.refined()
                && draft.plan().selection() == null
                && intent.requiredGroups().isEmpty()
                && intent.artists().isEmpty()
                && intent.similarToArtists().isEmpty()
                && draft.spec().seedTrackIds().isEmpty()) {
            notes.add(
                    "nothing in the prompt named a genre, mood or instruments of this catalog; tracks were ranked by how"
                            + " close their descriptions are to the prompt");
        }
        return notes;
    }
}
