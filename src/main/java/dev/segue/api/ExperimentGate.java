package dev.segue.api;

import dev.segue.dj.DjService;
import dev.segue.experiment.Experiments;
import dev.segue.experiment.Experiments.Assigned;
import dev.segue.experiment.Exposure;
import dev.segue.experiment.Outcome;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistTrack;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where playlist requests meet experiments: before a playlist is made, the listener's arms set the options the
 * request left open; after, each playlist version shown is an exposure (with its latency, LLM tokens and whether the
 * planner fell back) and a refinement or removal is an outcome of the version before.
 */
@ApplicationScoped
public class ExperimentGate {

    private static final String FALLBACK_STEP = "llm fallback";

    private final Experiments experiments;
    private final ExperimentOptions options;

    ExperimentGate(Experiments experiments, ExperimentOptions options) {
        this.experiments = experiments;
        this.options = options;
    }

    /** A playlist as answered: the playlist (with its trace) and the body to send. */
    public record Shown(Playlist playlist, Object body) {}

    /**
     * Makes version 1 with the options the request set and the arms' options for those it left open; {@code make}
     * must return the playlist with its trace.
     */
    public Shown create(
            String userId,
            PlaylistRequest.Options explicit,
            boolean withTrace,
            Function<PlaylistRequest.Options, Playlist> make) {
        if (userId == null) {
            return shown(make.apply(explicit), List.of(), withTrace);
        }
        List<Assigned> assigned = experiments.assign(userId, options.explicit(explicit));
        long start = System.nanoTime();
        Playlist playlist = make.apply(options.merged(explicit, Experiments.optionsOf(assigned)));
        double ms = Trace.millisSince(start);
        experiments.expose(assigned.stream()
                .filter(Assigned::applies)
                .map(a -> exposure(a.experimentId(), a.arm(), userId, playlist, "create", ms))
                .toList());
        if (playlist.trace() != null) {
            assigned.forEach(a -> playlist.trace().note("experiment", 0, describe(a)));
        }
        return shown(playlist, assigned, withTrace);
    }

    /**
     * A new version made by a refinement or removal ({@code kind}, an {@link Outcome} type) of a playlist: an
     * outcome of the version before, and an exposure under the same arms; {@code make} returns it with its trace.
     */
    public Shown changed(String kind, boolean withTrace, Supplier<Playlist> make) {
        long start = System.nanoTime();
        Playlist playlist = make.get();
        double ms = Trace.millisSince(start);
        List<Exposure> arms = experiments.armsOf(playlist.id());
        if (arms.isEmpty()) {
            return shown(playlist, List.of(), withTrace);
        }
        experiments.outcome(playlist.id(), kind);
        experiments.expose(arms.stream()
                .map(x -> exposure(x.experimentId(), x.arm(), x.userId(), playlist, kind, ms))
                .toList());
        List<Assigned> placed = arms.stream()
                .map(x -> new Assigned(x.experimentId(), x.arm(), Map.of(), null))
                .toList();
        return shown(playlist, placed, withTrace);
    }

    private static Shown shown(Playlist playlist, List<Assigned> assigned, boolean withTrace) {
        return new Shown(playlist, placed(withTrace ? playlist : playlist.withoutTrace(), assigned));
    }

    /** The body as answered: as before with no experiment, else with where the listener is in each. */
    private static Object placed(Object body, List<Assigned> assigned) {
        List<Experimental.Placement> placements = assigned.stream()
                .map(a -> new Experimental.Placement(a.experimentId(), a.arm(), a.notInExperiment()))
                .toList();
        return switch (placements.size()) {
            case 0 -> body;
            case 1 -> new Experimental(body, placements.get(0));
            default -> new Experimental(body, placements);
        };
    }

    /** A DJ session opened: the listener's arms, whose options do not change the DJ (it has none to set yet). */
    Object opened(DjService.Opened opened, String userId) {
        return userId == null ? opened : placed(opened, experiments.assign(userId, Set.of()));
    }

    /** A like or skip in a DJ session is an outcome of the experiments its segments were shown under. */
    void feedback(String sessionId, String type) {
        experiments.outcome(sessionId, type);
    }

    /** Every DJ segment planned for a listener is an exposure under each running experiment's arm. */
    void segmentShown(@Observes DjService.SegmentShown shown) {
        if (shown.userId() == null) {
            return;
        }
        experiments.expose(experiments.assign(shown.userId(), Set.of()).stream()
                .filter(Assigned::applies)
                .map(a -> new Exposure(
                        a.experimentId(),
                        a.arm(),
                        shown.userId(),
                        shown.sessionId(),
                        shown.segment().segment(),
                        "dj",
                        shown.ms(),
                        0,
                        false,
                        trackIds(shown.segment().tracks())))
                .toList());
    }

    private static Exposure exposure(
            String experimentId, String arm, String userId, Playlist playlist, String kind, double ms) {
        Trace trace = playlist.trace();
        int tokens = trace == null
                ? 0
                : trace.llmCalls().stream()
                        .mapToInt(c -> Objects.requireNonNullElse(c.inputTokens(), 0)
                                + Objects.requireNonNullElse(c.outputTokens(), 0))
                        .sum();
        boolean fallback = trace != null && trace.steps().stream().anyMatch(s -> FALLBACK_STEP.equals(s.name()));
        return new Exposure(
                experimentId,
                arm,
                userId,
                playlist.id(),
                playlist.version(),
                kind,
                ms,
                tokens,
                fallback,
                trackIds(playlist.tracks()));
    }

    private static List<String> trackIds(List<PlaylistTrack> tracks) {
        return tracks.stream().map(PlaylistTrack::id).toList();
    }

    private static String describe(Assigned a) {
        return a.applies()
                ? a.experimentId() + ": arm " + a.arm() + " sets "
                        + (a.options().isEmpty() ? "no options" : a.options())
                : a.experimentId() + ": not in experiment (" + a.notInExperiment() + ")";
    }
}
