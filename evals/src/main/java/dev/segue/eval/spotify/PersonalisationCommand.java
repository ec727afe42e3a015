package dev.segue.eval.spotify;

import dev.segue.eval.EvalConfig;
import dev.segue.eval.ExitCode;
import dev.segue.eval.LocalService;
import dev.segue.eval.ServiceClient;
import dev.segue.eval.Suite;
import dev.segue.eval.SuiteCommand.AtLeastOne;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code personalisation}: personalised vs not for simulated listeners from the Spotify playlists, through a local
 * Segue on the Spotify catalog (or --target). Writes report.json and report.md (tools/profiles/evaluate runs it).
 */
@Command(
        name = "personalisation",
        description = "Personalised vs not for simulated listeners from real Spotify playlists, through Segue's HTTP"
                + " API: recall@20 and NDCG@10 with and without each listener's history, per ranker.",
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeOnExecutionException = ExitCode.USAGE_OR_SETUP)
public class PersonalisationCommand implements Callable<Integer> {

    @Mixin
    SpotifyDataOption data;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/profile-eval",
            description = "where report.json and report.md go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--limit",
            paramLabel = "N",
            converter = AtLeastOne.class,
            description = "evaluate at most N listeners (default: every playlist with 10 catalog tracks)")
    Integer limit;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "a running Segue that serves the Spotify catalog (default: start one)")
    String target;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data/evals-spotify-30k",
            description = "data dir of the local Segue (default ${DEFAULT-VALUE}, shared with the playlists suite)")
    Path dataDir;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "2",
            converter = AtLeastOne.class,
            description = "listeners in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Spec
    CommandSpec spec;

    private final Path serviceJar;

    PersonalisationCommand(EvalConfig config) {
        this.serviceJar = config.serviceJar();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SpotifyData spotify = data.spotify();
        if (spotify.missingFile() != null) {
            err.println("personalisation: skipped: no Spotify data at " + spotify.dir()
                    + " (see shared/data/spotify-30k-songs/SOURCE.md); nothing was evaluated");
            return ExitCode.SKIPPED;
        }
        Suite.CatalogSpec catalog = new Suite.CatalogSpec(spotify.catalogFile(), "spotify", "spotify-30k");
        LocalService local = null;
        try {
            local = target == null ? start(catalog, console) : null;
            ServiceClient client = new ServiceClient(local == null ? target : local.url(), Duration.ofSeconds(120));
            String wrongCatalog = wrongCatalog(client);
            if (wrongCatalog != null) {
                err.println("personalisation: " + wrongCatalog);
                return ExitCode.USAGE_OR_SETUP;
            }
            PersonalisationEval eval = new PersonalisationEval(client, concurrency, console);
            List<PersonalisationEval.Listener> listeners =
                    eval.listeners(spotify, limit == null ? Integer.MAX_VALUE : limit);
            console.printf("personalisation: %d listeners against %s%n", listeners.size(), client.baseUrl());
            console.flush();
            String markdown = PersonalisationReport.write(eval.evaluate(listeners), out);
            console.print(markdown);
            console.println("wrote " + out.resolve("report.json") + " and " + out.resolve("report.md"));
            return ExitCode.OK;
        } catch (PersonalisationEval.ServiceError | IOException e) {
            err.println("personalisation: " + e.getMessage());
            return ExitCode.USAGE_OR_SETUP;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private LocalService start(Suite.CatalogSpec catalog, PrintWriter console) throws Exception {
        LocalService.Spec service =
                new LocalService.Spec(serviceJar, dataDir, catalog, LocalService.UNLIMITED, out.resolve("server.log"));
        return LocalService.start(service, Duration.ofMinutes(10), console);
    }

    /** Null when the target serves the Spotify catalog file; otherwise what it serves. */
    private static String wrongCatalog(ServiceClient client) {
        ServiceClient.Reply catalog = client.get("/api/catalog");
        if (!catalog.ok()) {
            return "no Segue answers at " + client.baseUrl() + " (" + catalog.detail() + ")";
        }
        String source = catalog.body().path("source").asText("");
        return source.endsWith(SpotifyData.CATALOG)
                ? null
                : "the target serves " + source + ", not the Spotify catalog (" + SpotifyData.CATALOG + ")";
    }
}
