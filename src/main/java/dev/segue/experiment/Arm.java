package dev.segue.experiment;

import java.util.Map;

/**
 * One arm of an experiment: its name, its share of the listeners (weights are relative) and the playlist options it
 * sets (planner, ranker, promptVersion, …; an empty map changes nothing, as in an A/A test).
 */
public record Arm(String name, double weight, Map<String, Object> options) {

    public Arm {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
