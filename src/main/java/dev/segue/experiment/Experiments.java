package dev.segue.experiment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Online experiments: creating and stopping them, assigning listeners to arms, recording what each listener was
 * shown (exposures) and did (outcomes), and the report.
 *
 * <p>When several experiments run, each assigns every listener independently. An experiment whose arms set an
 * option the request sets explicitly does not apply to that request (explicit options win), nor does one that sets
 * an option an older running experiment already sets (the older one wins); both are answered "not in experiment".
 */
@ApplicationScoped
public class Experiments {

    public static final String EXPLICIT = "the request sets the same options explicitly";
    public static final String OLDER_WINS = "an older running experiment sets the same options";

    /**
     * A request's place in one running experiment: its arm and the options that arm sets, or no arm and why not.
     */
    public record Assigned(String experimentId, String arm, Map<String, Object> options, String notInExperiment) {

        public boolean applies() {
            return arm != null;
        }
    }

    private final ExperimentStore store;
    private final ArmDiversity diversity;
    private volatile List<Experiment> running;

    Experiments(ExperimentStore store, ArmDiversity diversity) {
        this.store = store;
        this.diversity = diversity;
    }

    public Experiment create(String name, String description, String unit, List<Arm> arms) {
        String id = "exp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Experiment experiment = new Experiment(
                id, name, description, unit == null ? "user" : unit, Experiment.RUNNING, arms, now, null);
        store.insert(experiment);
        running = null;
        return experiment;
    }

    public List<Experiment> all() {
        return store.all();
    }

    public Optional<Experiment> find(String id) {
        return store.find(id);
    }

    /** Stops assigning listeners; the report keeps what was recorded. Empty when there is no such experiment. */
    public Optional<Experiment> stop(String id) {
        return store.find(id).map(e -> {
            if (!e.running()) {
                return e;
            }
            Experiment stopped = e.stopped(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            store.stop(id, stopped.stoppedAt());
            running = null;
            return stopped;
        });
    }

    /** The listener's place in every running experiment, oldest first, given the options the request set. */
    public List<Assigned> assign(String userId, Set<String> explicitOptions) {
        List<Assigned> out = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Experiment e : running()) {
            Set<String> claims = e.claimedOptions();
            if (claims.stream().anyMatch(explicitOptions::contains)) {
                out.add(new Assigned(e.id(), null, Map.of(), EXPLICIT));
            } else if (claims.stream().anyMatch(claimed::contains)) {
                out.add(new Assigned(e.id(), null, Map.of(), OLDER_WINS));
            } else {
                Arm arm = Assignment.arm(e.id(), e.arms(), userId);
                claimed.addAll(claims);
                out.add(new Assigned(e.id(), arm.name(), arm.options(), null));
            }
        }
        return out;
    }

    /** The options the applying arms set, merged (they never overlap: see {@link #assign}). */
    public static Map<String, Object> optionsOf(List<Assigned> assigned) {
        Map<String, Object> out = new LinkedHashMap<>();
        assigned.stream().filter(Assigned::applies).forEach(a -> out.putAll(a.options()));
        return out;
    }

    public void expose(List<Exposure> exposures) {
        if (!exposures.isEmpty()) {
            store.expose(exposures);
        }
    }

    /**
     * The arms something (a playlist, a DJ session) was first shown under, one per experiment still running: a later
     * version of it is shown under the same arms. A stopped experiment records no more exposures.
     */
    public List<Exposure> armsOf(String subjectId) {
        Set<String> live = running().stream().map(Experiment::id).collect(Collectors.toSet());
        Map<String, Exposure> first = new LinkedHashMap<>();
        store.exposuresOf(subjectId).stream()
                .filter(x -> live.contains(x.experimentId()))
                .forEach(x -> first.putIfAbsent(x.experimentId(), x));
        return List.copyOf(first.values());
    }

    /** Records what a listener did with something shown under an experiment; ignored when it never was. */
    public void outcome(String subjectId, String type) {
        store.exposuresOf(subjectId).stream()
                .findFirst()
                .ifPresent(x -> store.outcomes(List.of(new Outcome(x.userId(), subjectId, type))));
    }

    /**
     * Listening events (their types, in order) on something a listener was shown under an experiment; ignored when
     * it was not shown to them.
     */
    public void listened(String userId, String subjectId, List<String> types) {
        if (store.exposuresOf(subjectId).stream().anyMatch(x -> x.userId().equals(userId))) {
            store.outcomes(
                    types.stream().map(t -> new Outcome(userId, subjectId, t)).toList());
        }
    }

    /** Removes a listener's exposures and outcomes; returns how many records went. */
    public int deleteAllOf(String userId) {
        return store.deleteAllOf(userId);
    }

    public Optional<ExperimentReport> report(String id) {
        return store.find(id)
                .map(e -> ReportBuilder.build(e, store.exposuresIn(id), store.outcomesIn(id), diversity::of));
    }

    private List<Experiment> running() {
        List<Experiment> current = running;
        if (current == null) {
            current = store.all().stream().filter(Experiment::running).toList();
            running = current;
        }
        return current;
    }
}
