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
        PlaylistSpec spec = command.spec();
        Planner planner = planners.choose(spec.planner());
        Trace trace = new Trace();
        int expected = SizeTargets.expectedTracks(spec.length(), spec.durationMinutes());
        List<String> notes = new ArrayList<>();
        Personalisation taste = history.personalisation(spec.userId()).orElse(null);
        List<String> seeds =
                history.withHistorySeeds(command.prompt(), spec.userId(), taste, spec.seedTrackIds(), notes);
        Plan plan = planner.plan(
                PlanRequest.forPrompt(command.prompt())
                        .withSeeds(seeds)
                        .withExcludedArtists(spec.excludeArtists())
                        .withExpectedTracks(expected)
                        .withTarget(spec.target())
                        .withPromptVersion(spec.promptVersion())
                        .withPersonalisation(taste),
                trace);
        notes.addAll(plan.notes());
        Intent intent = SizeTargets.withTarget(plan.intent(), spec.length(), spec.durationMinutes(), notes);
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
}
