package dev.segue.api;

import dev.segue.api.validation.RequiredBody;
import dev.segue.api.validation.Snippet;
import dev.segue.experiment.Arm;
import dev.segue.experiment.Experiment;
import dev.segue.experiment.ExperimentReport;
import dev.segue.experiment.Experiments;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments")
public class ExperimentResource {

    private static final int MAX_ID = 64;

    private final Experiments experiments;
    private final ExperimentOptions options;

    ExperimentResource(Experiments experiments, ExperimentOptions options) {
        this.experiments = experiments;
        this.options = options;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start an experiment: {name, description?, arms: [{name, weight, options}], unit?: \"user\"}",
            description =
                    "Every request with a userId is assigned an arm by a hash of (experiment, user); the first"
                            + " arm is the control. options are the playlist request's (planner, ranker, promptVersion, diversity, sequence)")
    public Response create(@RequiredBody(message = "{segue.experiment.body}") @Valid ExperimentRequest body) {
        List<Arm> arms = body.arms().stream()
                .map(a -> new Arm(a.name().strip(), a.weight(), options.asMap(a.options())))
                .toList();
        Experiment created = experiments.create(
                body.name().strip(),
                body.description() == null || body.description().isBlank()
                        ? null
                        : body.description().strip(),
                body.unit(),
                arms);
        return Response.created(URI.create("/api/experiments/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "Every experiment, oldest first")
    public List<Experiment> all() {
        return experiments.all();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One experiment")
    public Experiment get(@RestPath String id) {
        return experiments.find(checked(id)).orElseThrow(() -> unknown(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop assigning listeners; what was recorded stays in the report")
    public Experiment stop(@RestPath String id) {
        return experiments.stop(checked(id)).orElseThrow(() -> unknown(id));
    }

    @GET
    @Path("{id}/report")
    @Operation(
            summary = "Per arm: listeners, exposures, metrics with 95% intervals (per listener), each treatment against"
                    + " the control (difference, interval, p-value), and the sample-ratio check")
    public ExperimentReport report(@RestPath String id) {
        return experiments.report(checked(id)).orElseThrow(() -> unknown(id));
    }

    private static String checked(String id) {
        if (id.length() > MAX_ID) {
            throw unknown(id);
        }
        return id;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no experiment with id \"" + Snippet.of(id) + "\"");
    }
}
