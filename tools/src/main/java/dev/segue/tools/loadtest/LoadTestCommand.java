package dev.segue.tools.loadtest;

import dev.segue.tools.common.PromptFile;
import dev.segue.tools.common.ReportFiles;
import dev.segue.tools.common.ServiceUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Load and soak: many clients on a mix of endpoints for a fixed time, with errors, latency and the service's RSS. */
@Command(
        name = "load-test",
        sortOptions = false,
        description = {
            "N clients for D seconds on a mix of endpoints (create, read, refine, search, catalog, DJ next and"
                    + " requests), recording errors, latency per endpoint, throughput and the service's memory (RSS).",
            "Start the service without the per-client rate limit, since every client here shares one address:",
            "  SEGUE_SECURITY_REQUESTS_PER_MINUTE=0 ./segue",
            "A soak is the same with a long --duration (e.g. 1800)."
        },
        footer = {"", "Exit codes: 0 no errors, 1 some request failed (report still written),", "2 bad options."})
public final class LoadTestCommand implements Callable<Integer> {

    /** How long after the deadline the last requests (30 s timeout each) may take before the run gives up on them. */
    private static final long DRAIN_SECONDS = 120;

    @Mixin
    ServiceUrl service;

    @Option(
            names = "--clients",
            paramLabel = "N",
            defaultValue = "50",
            description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(
            names = "--duration",
            paramLabel = "S",
            defaultValue = "60",
            description = "seconds to run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "the service's process, for its RSS (default: the process running quarkus-run.jar)")
    String pid;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "", description = "free text recorded in the report")
    String label;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ReportFiles.DEFAULT_DIR,
            description = "where the report is written (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--prompts",
            paramLabel = "FILE",
            defaultValue = PromptFile.DEFAULT,
            description = "listener prompts, one a line (default ${DEFAULT-VALUE})")
    Path prompts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--clients and --duration must be >= 1");
        }
        List<String> promptList = PromptFile.read(prompts, spec.commandLine());
        String servicePid = pid != null ? pid : MemorySampler.findServicePid().orElse(null);
        ExecutorService httpPool = Executors.newFixedThreadPool(
                clients + 4, Thread.ofPlatform().daemon().name("load-http-", 0).factory());
        try (HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpPool)
                .build()) {
            LoadReport.Inputs result = run(new Recorder(http, service.url()), promptList, servicePid);
            return report(result);
        } finally {
            httpPool.shutdownNow();
        }
    }

    private LoadReport.Inputs run(Recorder recorder, List<String> promptList, String servicePid)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        MemorySampler memory = new MemorySampler(servicePid, start, deadline + TimeUnit.SECONDS.toNanos(1));
        Thread.ofPlatform().daemon().name("load-rss").start(memory);
        List<String> playlists = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                clients, Thread.ofPlatform().name("load-client-", 0).factory());
        for (int c = 0; c < clients; c++) {
            pool.submit(new Listener(c, recorder, promptList, playlists, deadline));
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + DRAIN_SECONDS, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new LoadReport.Inputs(
                label, clients, seconds, wall, recorder.samples(), recorder.ioErrors(), memory.samples(), servicePid);
    }

    private int report(LoadReport.Inputs result) throws IOException {
        String markdown = LoadReport.markdown(result);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(markdown);
        Path file = ReportFiles.write(out, ReportFiles.name("load", LocalDateTime.now(), ".md"), markdown);
        stdout.println("wrote " + file);
        stdout.flush();
        return result.httpErrors() + result.ioErrorCount() == 0 ? 0 : 1;
    }
}
