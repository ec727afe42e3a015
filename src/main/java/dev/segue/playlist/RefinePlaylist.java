package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Planner;
import dev.segue.planner.PlannerChoice;
import dev.segue.playlist.PlaylistRepository.Stored;
import dev.segue.profile.Personalisation;
import dev.segue.search.Candidate;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A new version from the latest one and a change in words: the previous intent with the change applied. */
@ApplicationScoped
class RefinePlaylist {

    private final PlannerChoice planners;
    private final HistorySeeds history;
    private final VersionComposer composer;
    private final PlaylistVersions versions;
    private final Catalog catalog;

    RefinePlaylist(
            PlannerChoice planners,
            HistorySeeds history,
            VersionComposer composer,
            PlaylistVersions versions,
            Catalog catalog) {
        this.planners = planners;
        this.history = history;
        this.composer = composer;
        this.versions = versions;
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
                withPrevious(plan.candidates(), previous),
                keep,
                notes,
                trace,
                taste));
        next = withKeptNote(next, previous, keep);
        versions.store(next, spec);
        return next;
    }

    /** The previous version's tracks join the pool, so a refinement can keep them even if no search found them. */
    private List<Candidate> withPrevious(List<Candidate> candidates, Playlist previous) {
        Set<String> present = new HashSet<>();
        candidates.forEach(c -> present.add(c.track().id()));
        List<Candidate> all = new ArrayList<>(candidates);
        for (PlaylistTrack t : previous.tracks()) {
            if (!present.contains(t.id())) {
                catalog.find(t.id()).ifPresent(track -> all.add(new Candidate(track, 0, false, "previous")));
            }
        }
        return all;
    }

    /** "kept 12 of 20 tracks from version 1" goes first in the new version's notes. */
    private static Playlist withKeptNote(Playlist next, Playlist previous, Set<String> keep) {
        long kept = next.tracks().stream().filter(t -> keep.contains(t.id())).count();
        List<String> notes = new ArrayList<>(next.notes());
        notes.add(
                0,
                String.format(
                        Locale.ROOT,
                        "kept %d of %d tracks from version %d",
                        kept,
                        previous.tracks().size(),
                        previous.version()));
        return next.withNotes(notes);
    }
}
