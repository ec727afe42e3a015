package dev.segue.api;

import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Body of POST /api/experiments: a name, an optional description, and at least two arms (the first is the control). */
@DistinctArms(max = ExperimentRequest.MAX_ARMS)
public record ExperimentRequest(
        @Text(name = "name", max = 200) String name,

        @Text(name = "description", max = 2000, optional = true)
        String description,

        List<@NotNull(message = "{segue.experiment.arm}") @Valid ArmRequest> arms,

        @OneOf(
                name = "unit",
                value = {"user"})
        String unit) {

    static final int MAX_ARMS = 10;

    /** An arm: its name, its weight (relative share of listeners) and the playlist options it sets. */
    public record ArmRequest(
            @Text(name = "name", max = 100) String name,

            @NotNull(message = "{segue.experiment.weight}") @Positive(message = "{segue.experiment.weight}")
            Double weight,

            @Valid PlaylistRequest.Options options) {}
}
