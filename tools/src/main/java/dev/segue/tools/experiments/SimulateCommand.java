package dev.segue.tools.experiments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import dev.segue.tools.common.ReportFiles;
import dev.segue.tools.common.ServiceUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Proves the experiment reports' statistics against a running service: simulated listeners with tastes from the
 * held-out Spotify playlists, many A/A experiments (the false-positive rate must come out near 5%) and one A/B
 * experiment with a worse arm (the report must find it, with the right sign).
 */
@Command(
        name = "experiments-simulate",
        description = "Simulated listeners drive A/A and A/B experiments through a running service;"
                + " writes the simulator's report (markdown and JSON)")
public final class SimulateCommand implements Callable<Integer> {

    private static final TypeReference<Map<String, Object>> OPTIONS = new TypeReference<>() {};

    @Mixin
    ServiceUrl service;

    @Option(names = "--data", defaultValue = "../shared/data/spotify-30k-songs", description = "Spotify playlists")
    Path data;

    @Option(names = "--listeners", defaultValue = "400", description = "simulated listeners (default ${DEFAULT-VALUE})")
    int listeners;

    @Option(names = "--playlists-each", defaultValue = "2", description = "playlists per listener")
    int playlistsEach;

    @Option(
            names = "--aa",
            defaultValue = "200",
            description = "A/A experiments run at once (default ${DEFAULT-VALUE})")
    int aa;

    @Option(names = "--control-options", defaultValue = "{}", description = "the A/B control arm's options (JSON)")
    String controlOptions;

    @Option(
            names = "--worse-options",
            defaultValue = "{\"ranker\":\"random\"}",
            description = "the A/B worse arm's options (JSON, default ${DEFAULT-VALUE})")
    String worseOptions;

    @Option(names = "--seed", defaultValue = "18", description = "listeners' random seed")
    long seed;

    @Option(names = "--concurrency", defaultValue = "4", description = "listeners at a time")
    int concurrency;

    @Option(
            names = "--api-key",
            description = "X-API-Key for the experiment and playlist writes, if the service needs one")
    String apiKey;

    @Option(names = "--out", defaultValue = "tools/experiments/report", description = "where the report goes")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getErr();
        List<HeldOutPlaylists.Taste> tastes = HeldOutPlaylists.read(data);
        log.printf("%d held-out playlists are the listeners' tastes%n", tastes.size());
        String run = "sim" + Long.toString(Instant.now().getEpochSecond(), 36);
        Simulation.Settings settings = new Simulation.Settings(
                listeners,
                playlistsEach,
                aa,
                Json.MAPPER.readValue(controlOptions, OPTIONS),
                Json.MAPPER.readValue(worseOptions, OPTIONS),
                seed,
                concurrency,
                run);
        long start = System.nanoTime();
        Simulation.Reports reports =
                new Simulation(new ExperimentsClient(service.url(), apiKey), settings, log).run(tastes);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("listeners", listeners);
        described.put("playlistsEach", playlistsEach);
        described.put("aaExperiments", aa);
        described.put("controlOptions", settings.controlOptions());
        described.put("worseOptions", settings.worseOptions());
        described.put("seed", seed);
        described.put("heldOutPlaylists", tastes.size());
        described.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        SimulationReport.Result result = SimulationReport.of(reports, described);
        JsonNode ab = reports.ab();
        ReportFiles.write(out, "simulation.json", Json.writePretty(Map.of("result", result, "abReport", ab)));
        String md = SimulationReport.markdown(result, ab);
        ReportFiles.write(out, "simulation.md", md);
        spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
