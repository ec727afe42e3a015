package dev.segue.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An online experiment: its arms in order (the first is the control), and whether it still assigns listeners. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(
        String id,
        String name,
        String description,
        String unit,
        String status,
        List<Arm> arms,
        Instant createdAt,
        Instant stoppedAt) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public Experiment {
        arms = List.copyOf(arms);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** The control: the first arm. */
    public Arm control() {
        return arms.get(0);
    }

    /** Every option some arm sets: the options this experiment claims on a request. */
    public Set<String> claimedOptions() {
        Set<String> out = new LinkedHashSet<>();
        arms.forEach(a -> out.addAll(a.options().keySet()));
        return out;
    }

    Experiment stopped(Instant at) {
        return new Experiment(id, name, description, unit, STOPPED, arms, createdAt, at);
    }
}
