package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.PlannerChoice;
import dev.segue.playlist.PlaylistRepository.Stored;
import dev.segue.profile.Personalisation;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The next version with more tracks after the last one: the playlist's tracks are the sequence and its prompt the
 * title for the sequence model, whose next tracks come first; the playlist's hard constraints (exclusions, era,
 * explicitness, artist cap over the whole playlist, removed tracks, no track twice) hold as for any version. Without a
 * model the usual ranking of the playlist's intent fills the new slots.
 */
@ApplicationScoped
class ExtendPlaylist {

    private final PlannerChoice planners;
    private final HistorySeeds history;
    private final RankingPolicy ranking;
    private final SequencePolicy sequencing;
    private final Assembler assembler;
    private final Explainer explainer;
    private final PlaylistVersions versions;
    private final Catalog catalog;

    ExtendPlaylist(
            PlannerChoice planners,
            HistorySeeds history,
            RankingPolicy ranking,
            SequencePolicy sequencing,
            Assembler assembler,
            Explainer explainer,
            PlaylistVersions versions,
            Catalog catalog) {
        this.planners = planners;
        this.history = history;
        this.ranking = ranking;
        this.sequencing = sequencing;
        this.assembler = assembler;
        this.explainer = explainer;
        this.versions = versions;
        this.catalog = catalog;
    }

    /** The stored new version; empty when there is no such playlist. */
    Optional<Playlist> extend(String id, int count) {
        return versions.locked(id, () -> versions.latest(id).map(latest -> extend(id, latest, count)));
    }

    private Playlist extend(String id, Stored latest, int count) {
        Playlist previous = latest.playlist();
        PlaylistSpec spec = latest.spec();
        Trace trace = new Trace();
        Personalisation taste = history.personalisation(spec.userId()).orElse(null);
        Plan plan = planners.offline()
                .plan(
                        PlanRequest.refining(previous.intent(), "")
                                .withSeeds(spec.seedTrackIds())
                                .withExcludedArtists(spec.excludeArtists())
                                .withExcludedTracks(spec.removedTrackIds())
                                .withExpectedTracks(previous.tracks().size() + count)
                                .withTarget(spec.target())
                                .withPersonalisation(taste),
                        trace);
        List<String> sequence =
                previous.tracks().stream().map(PlaylistTrack::id).toList();
        List<Candidate> pool = withTracks(plan.candidates(), sequence);
        List<String> preferred = new ArrayList<>(sequence);
        boolean sequenced = sequencing.available();
        if (sequenced) {
            // Seed tracks were never played in the playlist, and do not come back in it either.
            Set<String> exclude = new HashSet<>(spec.removedTrackIds());
            exclude.addAll(spec.seedTrackIds());
            SequencePolicy.Continuation next =
                    sequencing.continuation(previous.prompt(), sequence, exclude, pool, plan.queryVector(), trace);
            pool = next.pool();
            preferred.addAll(next.order());
        } else {
            trace.note("sequence", 0, "sequence: none (no sequence model loaded)");
        }
        String preferredBy = sequenced ? SequencePolicy.PREFERRED_BY : "the playlist's tracks";
        RankingPolicy.Pool ranked = new RankingPolicy.Pool(
                spec, previous.prompt(), true, plan.intent(), pool, plan.queryVector(), Set.of());
        List<ScoredTrack> scored = trace.step("rank", () -> ranking.rank(ranked, taste, trace));
        Assembler.Target target =
                new Assembler.Target(sequence.size() + count, null, SizeTargets.maxPerArtist(spec, plan.intent()));
        Assembler.Assembly assembly = trace.step(
                "assemble",
                () -> assembler.assemble(plan.intent(), scored, plan.hardFilter(), target, preferred, preferredBy));
        Playlist next = next(previous, added(assembly, sequence, count, plan), trace);
        versions.store(next, spec);
        return next;
    }

    /** The pool with the playlist's own tracks in it, so the assembler can keep them first. */
    private List<Candidate> withTracks(List<Candidate> candidates, List<String> sequence) {
        Set<String> present = new HashSet<>();
        List<Candidate> all = new ArrayList<>(candidates);
        candidates.forEach(c -> present.add(c.track().id()));
        for (String trackId : sequence) {
            if (present.add(trackId)) {
                catalog.find(trackId).ifPresent(track -> all.add(new Candidate(track, 0, false, "playlist")));
            }
        }
        return all;
    }

    /** The assembled tracks that are new, in order, at most {@code count}; explained like any playlist's tracks. */
    private List<PlaylistTrack> added(Assembler.Assembly assembly, List<String> sequence, int count, Plan plan) {
        Set<String> present = new HashSet<>(sequence);
        List<PlaylistTrack> added = new ArrayList<>();
        for (ScoredTrack s : assembly.tracks()) {
            if (added.size() < count && present.add(s.track().id())) {
                added.add(PlaylistTrack.of(
                        sequence.size() + added.size() + 1, s.track(), explainer.reason(s, plan.intent()), s.score()));
            }
        }
        return added;
    }

    private static Playlist next(Playlist previous, List<PlaylistTrack> added, Trace trace) {
        List<PlaylistTrack> tracks = new ArrayList<>(previous.tracks());
        tracks.addAll(added);
        return previous.next(tracks, "extended by " + added.size() + " tracks that continue the playlist", trace);
    }
}
