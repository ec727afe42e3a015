package dev.segue.tools.bench;

import dev.segue.tools.common.Json;
import dev.segue.tools.common.PromptFile;
import dev.segue.tools.common.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Load benchmark for the playlist API: warm-up, a sequential phase, a concurrent phase, then reports. */
@Command(
        name = "bench",
        sortOptions = false,
        description = "Sends listener prompts to POST /api/playlists and reports latency, throughput and errors.",
        footer = {
            "",
            "A phase with 0 rounds / 0 requests is skipped.",
            "Exit codes: 0 ok, 1 some request failed (reports still written),",
            "2 bad options or service not up."
        })
public final class BenchCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REQUESTS_FAILED = 1;
    static final int NOT_RUNNABLE = 2;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine command = spec.commandLine();
        options.validate(command);
        List<String> prompts = PromptFile.read(options.prompts(), command);
        PrintWriter out = command.getOut();
        PrintWriter err = command.getErr();

        // A synchronous send() still hands response processing to the client's executor: a thread per worker + spare.
        ExecutorService httpPool = Executors.newFixedThreadPool(
                options.concurrency() + 2,
                Thread.ofPlatform().daemon().name("bench-http-", 0).factory());
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(httpPool)
                .build()) {
            PlaylistClient client = new PlaylistClient(http, options.url());
            Optional<String> notReady = client.notReady();
            if (notReady.isPresent()) {
                err.println("bench: service not up at " + options.url() + ": " + notReady.get());
                err.println("Start it first (./segue in another terminal) or pass --url.");
                err.flush();
                return NOT_RUNNABLE;
            }
            BenchRun run = run(new Phases(client, prompts, out), prompts.size(), out);
            writeReports(run, out);
            if (run.errors() > 0) {
                err.println("bench: " + run.errors() + " request(s) failed");
                err.flush();
            }
            return run.errors() > 0 ? REQUESTS_FAILED : OK;
        } finally {
            httpPool.shutdownNow();
        }
    }

    private BenchRun run(Phases phases, int promptCount, PrintWriter out) throws InterruptedException {
        OffsetDateTime started = OffsetDateTime.now();
        out.printf(
                "Segue bench: %s, %d prompts, warmup %d, rounds %d, concurrency %d, requests %d%n",
                options.url(),
                promptCount,
                options.warmup(),
                options.rounds(),
                options.concurrency(),
                options.requests());
        int warmupErrors = phases.warmup(options.warmup());
        List<PhaseStats> stats = new ArrayList<>();
        if (options.rounds() > 0) {
            stats.add(phases.sequential(options.rounds()));
        }
        if (options.requests() > 0) {
            stats.add(phases.concurrent(options.concurrency(), options.requests()));
        }
        return new BenchRun(options, BenchOptions.command(ownArgs()), promptCount, started, warmupErrors, stats);
    }

    /** The arguments after "bench": picocli keeps the whole command line, and the launcher adds "bench" itself. */
    private List<String> ownArgs() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        boolean subcommand = spec.parent() != null;
        return subcommand ? all.subList(all.indexOf(spec.name()) + 1, all.size()) : all;
    }

    private void writeReports(BenchRun run, PrintWriter out) throws IOException {
        BenchReport.printTable(run, out);
        String markdown = BenchReport.markdown(run);
        Path json = ReportFiles.write(
                options.out(), ReportFiles.name("bench", run.started(), ".json"), Json.writePretty(BenchJson.of(run)));
        Path md = ReportFiles.write(options.out(), ReportFiles.name("bench", run.started(), ".md"), markdown);
        Path latest = ReportFiles.write(options.out(), "latest.md", markdown);
        out.println("wrote " + json + ", " + md + ", " + latest);
        out.flush();
    }
}
