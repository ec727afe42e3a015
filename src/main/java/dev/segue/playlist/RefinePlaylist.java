package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.planner.Intent;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Planner;
import dev.segue.planner.PlannerChoice;
import dev.segue.planner.TagGroup;
import dev.segue.playlist.PlaylistRepository.Stored;
import dev.segue.profile.Personalisation;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A new version from the latest one and a change in words: the previous intent with the change applied. */
@ApplicationScoped
class RefinePlaylist {

    /** How many tracks one search for a new wish brings, as many as the offline planner's per-facet searches. */
    private static final int NEW_WISH_TRACKS = 75;

    private final PlannerChoice planners;
    private final HistorySeeds history;
    private final VersionComposer composer;
    private final PlaylistVersions versions;
    private final ChangeNotes changeNotes;
    private final SearchTools tools;
    private final Catalog catalog;

    RefinePlaylist(
            PlannerChoice planners,
            HistorySeeds history,
            VersionComposer composer,
            PlaylistVersions versions,
            ChangeNotes changeNotes,
            SearchTools tools,
            Catalog catalog) {
        this.planners = planners;
        this.history = history;
        this.composer = composer;
        this.versions = versions;
        this.changeNotes = changeNotes;
        this.tools = tools;
        this.catalog = catalog;
    }

    /** The stored new version; empty when there is no such playlist. Tracks that still fit are favoured to stay. */
    Optional<Playlist> refine(String id, String change) {
        return versions.locked(id, () -> versions.latest(id).map(latest -> refine(id, latest, change)));
    }

    private Playlist refine(String id, Stored latest, String change) {
        Playlist previous = latest.playlist();
        PlaylistSpec spec = latest.spec();
        Planner planner = planners.choose(spec.planner());
        Trace trace = new Trace();
        List<String> previousIds =
                previous.tracks().stream().map(PlaylistTrack::id).toList();
        Personalisation taste = history.personalisation(spec.userId()).orElse(null);
        Plan plan = planner.plan(
                PlanRequest.refining(previous.intent(), change)
                        .withSeeds(spec.seedTrackIds())
                        .withExcludedArtists(spec.excludeArtists())
                        .withExcludedTracks(spec.removedTrackIds())
                        .withExpectedTracks(previous.tracks().size())
                        .withTarget(spec.target())
                        .withPromptVersion(spec.promptVersion())
                        .withConversation(spec.conversation(), previousIds)
                        .withPersonalisation(taste),
                trace);
        Set<String> keep = new HashSet<>(previousIds);
        List<String> refinements = new ArrayList<>(previous.refinements());
        refinements.add(change);
        List<String> notes = new ArrayList<>(plan.notes());
        spec = spec.withConversation(plan.conversation());
        Playlist next = composer.compose(new VersionComposer.Draft(
                id,
                previous.version() + 1,
                previous.prompt(),
                refinements,
                spec,
                plan,
                plan.intent(),
                pool(plan, previous, trace),
                keep,
                notes,
                trace,
                taste));
        next = withChangeNotes(next, previous, keep, change);
        versions.store(next, spec);
        return next;
    }

    /**
     * The plan's pool, the tracks of what the change newly wishes for, and the previous version's tracks, so a
     * refinement can keep them even if no search found them.
     */
    private List<Candidate> pool(Plan plan, Playlist previous, Trace trace) {
        Set<String> present = new HashSet<>();
        List<Candidate> all = new ArrayList<>();
        for (Candidate c : plan.candidates()) {
            all.add(c);
            present.add(c.track().id());
        }
        for (Candidate c : forNewWishes(plan, previous.intent(), trace)) {
            if (present.add(c.track().id())) {
                all.add(c);
            }
        }
        for (PlaylistTrack t : previous.tracks()) {
            if (present.add(t.id())) {
                catalog.find(t.id()).ifPresent(track -> all.add(new Candidate(track, 0, false, "previous")));
            }
        }
        return all;
    }

    /**
     * A wish a change adds ("calmer", "more strings") only ranks, so nothing searched for it: on a catalog where
     * many tracks carry one genre tag alone, the query's nearest tracks can all lack it. One search per new wish,
     * within what stays required, brings its tracks into the pool.
     */
    private List<Candidate> forNewWishes(Plan plan, Intent previous, Trace trace) {
        float[] query = plan.queryVector();
        if (query == null) {
            return List.of();
        }
        SearchFilter required = plan.hardFilter()
                .withTagGroups(plan.intent().requiredGroups().stream()
                        .map(g -> (Set<String>) new LinkedHashSet<>(g.tags()))
                        .toList());
        List<Candidate> out = new ArrayList<>();
        for (TagGroup wish : plan.intent().include()) {
            if (wish.weight() > 0 && !wish.required() && !previous.include().contains(wish)) {
                out.addAll(tools.searchByVector(
                        query,
                        wish.phrase() + ": " + plan.intent().queryText(),
                        required.plusTagGroup(new LinkedHashSet<>(wish.tags())),
                        NEW_WISH_TRACKS,
                        trace));
            }
        }
        return out;
    }

    /**
     * "kept 12 of 20 tracks from version 1" goes first in the new version's notes, then what the change did where
     * the version alone would not say it (see {@link ChangeNotes}).
     */
    private Playlist withChangeNotes(Playlist next, Playlist previous, Set<String> keep, String change) {
        long kept = next.tracks().stream().filter(t -> keep.contains(t.id())).count();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(
                Locale.ROOT,
                "kept %d of %d tracks from version %d",
                kept,
                previous.tracks().size(),
                previous.version()));
        notes.addAll(changeNotes.of(change, previous, next));
        notes.addAll(next.notes());
        return next.withNotes(notes);
    }
}
