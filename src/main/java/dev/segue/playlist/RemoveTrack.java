package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.PlannerChoice;
import dev.segue.playlist.PlaylistRepository.Stored;
import dev.segue.playlist.PlaylistService.Removal;
import dev.segue.profile.Personalisation;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A new version without one track: its slot goes to the best unused candidate that fits the same constraints, and
 * the track never comes back in later versions. Removal never needs the LLM: the intent is known, only a
 * replacement is missing.
 */
@ApplicationScoped
class RemoveTrack {

    private final PlannerChoice planners;
    private final HistorySeeds history;
    private final RankingPolicy ranking;
    private final Explainer explainer;
    private final PlaylistVersions versions;
    private final Catalog catalog;

    RemoveTrack(
            PlannerChoice planners,
            HistorySeeds history,
            RankingPolicy ranking,
            Explainer explainer,
            PlaylistVersions versions,
            Catalog catalog) {
        this.planners = planners;
        this.history = history;
        this.ranking = ranking;
        this.explainer = explainer;
        this.versions = versions;
        this.catalog = catalog;
    }

    Removal remove(String id, String trackId) {
        return versions.locked(
                id,
                () -> versions.latest(id)
                        .map(latest -> remove(id, latest, trackId))
                        .orElseGet(Removal.UnknownPlaylist::new));
    }

    private Removal remove(String id, Stored latest, String trackId) {
        Playlist previous = latest.playlist();
        int slot = slotOf(previous, trackId);
        if (slot < 0) {
            return new Removal.UnknownTrack(previous.version());
        }
        PlaylistSpec spec = latest.spec().withRemoved(trackId);
        Trace trace = new Trace();
        Personalisation taste = history.personalisation(spec.userId()).orElse(null);
        Plan plan = offlinePlan(previous, spec, taste, trace);
        Optional<ScoredTrack> replacement = replacement(previous, trackId, spec, plan, taste, trace);
        List<PlaylistTrack> tracks = new ArrayList<>();
        for (int i = 0; i < previous.tracks().size(); i++) {
            if (i != slot) {
                tracks.add(previous.tracks().get(i).at(tracks.size() + 1));
            } else if (replacement.isPresent()) {
                ScoredTrack r = replacement.get();
                tracks.add(
                        PlaylistTrack.of(tracks.size() + 1, r.track(), explainer.reason(r, plan.intent()), r.score()));
            }
        }
        String note = replacement
                .map(r ->
                        "removed " + trackId + "; replaced it with " + r.track().id())
                .orElse("removed " + trackId
                        + "; no unused track fits the playlist's constraints, so it is one shorter");
        Playlist next = previous.next(tracks, note, trace);
        versions.store(next, spec);
        return new Removal.Done(next.withoutTrace());
    }

    /** Where the track sits in the playlist, or -1. */
    private static int slotOf(Playlist playlist, String trackId) {
        int slot = -1;
        for (int i = 0; i < playlist.tracks().size(); i++) {
            if (playlist.tracks().get(i).id().equals(trackId)) {
                slot = i;
            }
        }
        return slot;
    }

    /** The offline planner's pool for the playlist's intent, without the removed tracks. */
    private Plan offlinePlan(Playlist previous, PlaylistSpec spec, Personalisation taste, Trace trace) {
        return planners.offline()
                .plan(
                        PlanRequest.refining(previous.intent(), "")
                                .withSeeds(spec.seedTrackIds())
                                .withExcludedArtists(spec.excludeArtists())
                                .withExcludedTracks(spec.removedTrackIds())
                                .withExpectedTracks(previous.tracks().size())
                                .withTarget(spec.target())
                                .withPersonalisation(taste),
                        trace);
    }

    /** That pool ranked as the playlist was ranked; its best track that fits beside the tracks that stay. */
    private Optional<ScoredTrack> replacement(
            Playlist previous, String trackId, PlaylistSpec spec, Plan plan, Personalisation taste, Trace trace) {
        RankingPolicy.Pool pool = new RankingPolicy.Pool(
                spec,
                previous.prompt(),
                !previous.refinements().isEmpty(),
                plan.intent(),
                plan.candidates(),
                plan.queryVector(),
                Set.of());
        List<ScoredTrack> ranked = trace.step("rank", () -> ranking.rank(pool, taste, trace));
        List<Track> remaining = previous.tracks().stream()
                .filter(t -> !t.id().equals(trackId))
                .flatMap(t -> catalog.find(t.id()).stream())
                .toList();
        return bestUnused(ranked, remaining, plan.hardFilter(), SizeTargets.maxPerArtist(spec, plan.intent()));
    }

    /** The first ranked track not in the playlist, allowed by the hard filter, no title twice, within the artist cap. */
    private static Optional<ScoredTrack> bestUnused(
            List<ScoredTrack> ranked, List<Track> remaining, SearchFilter hard, int maxPerArtist) {
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Map<String, Integer> perArtist = new HashMap<>();
        for (Track t : remaining) {
            ids.add(t.id());
            titles.add(Catalog.artistKey(t.artist()) + "|" + Catalog.artistKey(t.title()));
            perArtist.merge(Catalog.artistKey(t.artist()), 1, Integer::sum);
        }
        return ranked.stream()
                .filter(s -> !ids.contains(s.track().id()))
                .filter(s -> Filters.allows(hard, s.track()))
                .filter(s -> !titles.contains(Catalog.artistKey(s.track().artist()) + "|"
                        + Catalog.artistKey(s.track().title())))
                .filter(s -> perArtist.getOrDefault(Catalog.artistKey(s.track().artist()), 0) < maxPerArtist)
                .sorted((a, b) -> Boolean.compare(b.fits(), a.fits()))
                .findFirst();
    }
}
