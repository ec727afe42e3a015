package dev.segue.tools.scale;

import dev.segue.tools.common.Json;
import dev.segue.tools.common.PromptFile;
import dev.segue.tools.common.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scale run}: for each catalog size, generate (cached), ingest, serve, measure; then write the table. */
@Command(
        name = "run",
        sortOptions = false,
        description = "For each N: a synthetic catalog, segue ingest, the service on it, its latencies and memory.",
        footer = {
            "",
            "Run it from the repository root (tools/bench/scale does).",
            "Exit codes: 0 ok, 1 a size failed, 2 bad options."
        })
public final class ScaleRunCommand implements Callable<Integer> {

    /** Genre filters for the filtered searches: this many of the demo's most common single genres. */
    private static final int FILTER_GENRES = 5;

    @Option(
            names = "--tracks",
            required = true,
            split = ",",
            paramLabel = "N",
            description = "catalog sizes, comma-separated, measured in this order")
    List<Long> tracks;

    @Option(
            names = "--out",
            defaultValue = "tools/bench/results/scale",
            paramLabel = "DIR",
            description = "where scale-<date>.md and .json go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "" + GenerateCommand.DEFAULT_SEED,
            paramLabel = "S",
            description = "the catalogs' seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--catalogs",
            defaultValue = "target/bench/scale/catalogs",
            paramLabel = "DIR",
            description = "generated catalogs, kept for the next run (default: ${DEFAULT-VALUE})")
    Path catalogs;

    @Option(
            names = "--scratch",
            defaultValue = "target/bench/scale/runs",
            paramLabel = "DIR",
            description = "data dirs and logs, one per size, emptied first (default: ${DEFAULT-VALUE})")
    Path scratch;

    @Option(
            names = "--prompts",
            defaultValue = "tools/bench/prompts.txt",
            paramLabel = "FILE",
            description = "prompts for playlists and searches (default: ${DEFAULT-VALUE})")
    Path prompts;

    @Option(
            names = "--warmup",
            defaultValue = "2",
            paramLabel = "N",
            description = "unrecorded rounds over the prompts per phase (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            paramLabel = "N",
            description = "sequential rounds over the prompts (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--concurrency",
            defaultValue = "2",
            paramLabel = "C",
            description = "clients at once in the concurrent phase (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--requests",
            defaultValue = "120",
            paramLabel = "M",
            description = "requests in the concurrent phase (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(
            names = "--ready-timeout",
            defaultValue = "900",
            paramLabel = "SECONDS",
            description = "how long the service may take to become ready (default: ${DEFAULT-VALUE})")
    long readyTimeout;

    @Option(
            names = "--segue",
            defaultValue = "./segue",
            paramLabel = "LAUNCHER",
            description = "the service's launcher (default: ${DEFAULT-VALUE})")
    String segue;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (tracks.stream().anyMatch(n -> n < 1) || warmup < 0 || rounds < 1 || concurrency < 1 || requests < 1) {
            spec.commandLine()
                    .getErr()
                    .println("run: --tracks, --rounds, --concurrency and --requests must be at least 1, --warmup 0");
            return 2;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        OffsetDateTime started = OffsetDateTime.now().withNano(0);
        Path root = Path.of("").toAbsolutePath();
        // Taken before anything runs: the code measured is the code checked out when the run began.
        String commit = Launcher.commit(root);
        String java = Launcher.java(root);
        List<String> launcher = List.of(segue);
        Files.createDirectories(scratch);
        // Builds the service if its sources changed, so no build is timed as ingest.
        Integer built = Launcher.run(launcher, List.of("--version"), root, scratch.resolve("version.log"));
        if (built == null || built != 0) {
            spec.commandLine()
                    .getErr()
                    .println("scale: " + segue + " --version failed: see " + scratch.resolve("version.log"));
            return 1;
        }
        boolean recall = IndexRecall.available(launcher, root, scratch.resolve("index-recall-help.log"));
        stdout.println(recall ? "index-recall found: recall@20 will be measured" : "no index-recall: recall skipped");
        DemoCatalog demo = DemoCatalog.read(DemoCatalog.locate());
        ServiceLoad load = new ServiceLoad(
                PromptFile.read(prompts, spec.commandLine()),
                commonGenres(demo),
                new ServiceLoad.Shape(warmup, rounds, concurrency, requests),
                stdout);
        ScaleStep.Setup setup = new ScaleStep.Setup(launcher, root, scratch, Duration.ofSeconds(readyTimeout), load);
        ScaleRun run = new ScaleRun(
                started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                commit,
                java,
                List.of(),
                Runtime.getRuntime().availableProcessors(),
                commandLine(),
                seed,
                prompts.toString(),
                List.of());
        for (long n : tracks) {
            run = run.with(measure(n, demo, setup, recall, stdout));
            // Written after every size: a run of hours keeps what it measured if a later size fails.
            writeFiles(run);
        }
        stdout.println(ScaleReport.markdown(run));
        stdout.println("wrote " + out.resolve(ReportFiles.name("scale", started, ".md")) + " and .json");
        stdout.flush();
        return run.rows().stream().anyMatch(r -> !r.problems().isEmpty()) ? 1 : 0;
    }

    /** One size; a failure of this tool's own (a full disk, a catalog it cannot write) becomes that size's problem. */
    private ScaleStep.Measured measure(
            long n, DemoCatalog demo, ScaleStep.Setup setup, boolean recall, PrintWriter stdout)
            throws InterruptedException {
        Path catalog = catalogs.resolve("synthetic-" + n + "-seed" + seed + ".csv.gz");
        ScaleStep step = new ScaleStep(setup, stdout);
        try {
            if (!Files.exists(catalog)) {
                stdout.printf("%,d tracks: generating %s ...%n", n, catalog);
                stdout.flush();
                GenerateCommand.generate(demo, n, seed, catalog);
            }
            return new ScaleStep.Measured(step.measure(n, catalog, recall), step.jvmOptions());
        } catch (IOException | RuntimeException e) {
            return new ScaleStep.Measured(ScaleRun.Row.failed(n, List.of("the benchmark failed: " + e)), List.of());
        }
    }

    private void writeFiles(ScaleRun run) throws IOException {
        OffsetDateTime started = OffsetDateTime.parse(run.started());
        ReportFiles.write(out, ReportFiles.name("scale", started, ".md"), ScaleReport.markdown(run));
        ReportFiles.write(out, ReportFiles.name("scale", started, ".json"), Json.writePretty(run));
    }

    /** The demo's most common genre tags, counted one tag at a time. */
    static List<String> commonGenres(DemoCatalog demo) {
        int column = demo.column(DemoCatalog.GENRES);
        Map<String, Long> counts = demo.rows().stream()
                .flatMap(row -> List.of(row.get(column).split("\\|")).stream())
                .filter(tag -> !tag.isBlank())
                .collect(Collectors.groupingBy(tag -> tag, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(FILTER_GENRES)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** As typed after the launcher: picocli keeps the whole command line, "scale" (which the launcher adds) too. */
    private String commandLine() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int run = Math.max(all.indexOf(spec.name()), 0);
        return "tools/bench/scale " + String.join(" ", all.subList(run, all.size()));
    }
}
