package dev.segue.playlist;

import dev.segue.planner.Intent;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Planner;
import dev.segue.planner.PlannerChoice;
import dev.segue.playlist.PlaylistService.Composed;
import dev.segue.playlist.PlaylistService.CreateCommand;
import dev.segue.profile.Personalisation;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A new playlist from a prompt: history seeds, plan (tool calls), size, then version 1 composed and stored. */
@ApplicationScoped
class CreatePlaylist {

    private final PlannerChoice planners;
    private final HistorySeeds history;
    private final VersionComposer composer;
    private final PlaylistVersions versions;

    CreatePlaylist(PlannerChoice planners, HistorySeeds history, VersionComposer composer, PlaylistVersions versions) {
        this.planners = planners;
        this.history = history;
        this.composer = composer;
        this.versions = versions;
    }

    Playlist create(CreateCommand command) {
        Composed composed = compose(command);
        versions.store(composed.playlist(), composed.spec());
        return composed.playlist();
    }

    Composed compose(CreateCommand command) {
        Planner planner = planners.choose(command.planner());
        Trace trace = new Trace();
        int expected = SizeTargets.expectedTracks(command.length(), command.durationMinutes());
        PlaylistSpec spec = specOf(command);
        List<String> notes = new ArrayList<>();
        Personalisation taste = history.personalisation(command.userId()).orElse(null);
        List<String> seeds =
                history.withHistorySeeds(command.prompt(), command.userId(), taste, command.seedTrackIds(), notes);
        Plan plan = planner.plan(
                PlanRequest.forPrompt(command.prompt())
                        .withSeeds(seeds)
                        .withExcludedArtists(command.excludeArtists())
                        .withExpectedTracks(expected)
                        .withTarget(spec.target())
                        .withPromptVersion(command.promptVersion())
                        .withPersonalisation(taste),
                trace);
        notes.addAll(plan.notes());
        Intent intent = SizeTargets.withTarget(plan.intent(), command.length(), command.durationMinutes(), notes);
        spec = spec.withConversation(plan.conversation());
        Playlist playlist = composer.compose(new VersionComposer.Draft(
                UUID.randomUUID().toString(),
                1,
                command.prompt(),
                List.of(),
                spec,
                plan,
                intent,
                plan.candidates(),
                Set.of(),
                notes,
                trace,
                taste));
        return new Composed(playlist, spec);
    }

    /** What the caller set explicitly, kept beside every version; nothing removed and no conversation yet. */
    private static PlaylistSpec specOf(CreateCommand command) {
        return new PlaylistSpec(
                command.length(),
                command.durationMinutes(),
                command.maxPerArtist(),
                command.excludeArtists(),
                command.seedTrackIds(),
                command.userId(),
                command.planner(),
                command.ranker(),
                command.promptVersion(),
                Set.of(),
                List.of());
    }
}
