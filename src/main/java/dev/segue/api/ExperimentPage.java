package dev.segue.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The report page of an experiment: one HTML page for every id, which reads the report from the API and draws it
 * (experiment.js, experiment.css; nothing from the network).
 */
@Path("/experiments/{id}")
public class ExperimentPage {

    private static final String PAGE = page();

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The report page: arms, metrics with 95% intervals and their plots, the sample-ratio check")
    public String page(@RestPath String id) {
        return PAGE;
    }

    private static String page() {
        try (InputStream in = ExperimentPage.class.getResourceAsStream("/web/experiment.html")) {
            if (in == null) {
                throw new IllegalStateException("web/experiment.html is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
