package dev.segue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Something shown under one or more experiments (a playlist, a DJ session): its own JSON plus {@code experiment},
 * {@code {id, arm}} for one experiment or a list of them for several. Something under none is answered as before,
 * without the field.
 */
public record Experimental(@JsonUnwrapped Object shown, Object experiment) {

    /** Where the listener is in one experiment; no arm (and why) when the experiment does not apply. */
    public record Placement(
            String id,
            String arm,
            @JsonInclude(JsonInclude.Include.NON_NULL) String notInExperiment) {}
}
