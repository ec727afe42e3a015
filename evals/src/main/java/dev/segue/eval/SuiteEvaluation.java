package dev.segue.eval;

import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.report.ConsoleReport;
import dev.segue.eval.report.HtmlReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a suite: against the given target or a local Segue it starts, then gates, results.json, report.html and
 * the console table. Returns the exit code.
 */
@ApplicationScoped
public class SuiteEvaluation {

    /** The command line's options (see {@link SuiteCommand}). */
    public record Options(
            Path suite,
            String target,
            List<String> variants,
            Path baseline,
            Double tolerance,
            int concurrency,
            int repeats,
            Path out,
            Path dataDir,
            int timeoutSeconds,
            boolean failOnSkip) {}

    private record Ran(String target, List<EvalRunner.VariantRun> runs) {}

    private final Path serviceJar;
    private final Judges judges;
    private final HtmlReport html;

    SuiteEvaluation(EvalConfig config, Judges judges, HtmlReport html) {
        this.serviceJar = config.serviceJar();
        this.judges = judges;
        this.html = html;
    }

    public int run(Options o, PrintWriter out) throws IOException, InterruptedException {
        Suite suite = SuiteLoader.load(o.suite());
        List<Suite.Variant> selected = EvalRunner.select(suite, o.variants()); // a wrong name fails before anything
        Results.Run baseline = o.baseline() == null ? null : Results.read(o.baseline());
        Path outDir = o.out() != null ? o.out() : defaultOut(suite);
        Files.createDirectories(outDir);
        Judge judge = judges.configured().orElse(null);
        List<String> notes = judgeNotes(suite, judge);
        long start = System.nanoTime();
        String startedAt = OffsetDateTime.now().toString();
        Ran ran = runVariants(suite, selected, o, outDir, judge, out);

        double tolerance = o.tolerance() != null ? o.tolerance() : suite.tolerance();
        List<Results.Variant> variants = new ArrayList<>();
        for (EvalRunner.VariantRun run : ran.runs()) {
            variants.add(Gates.judge(suite, run, baseline, tolerance, notes));
        }
        List<CaseRun> cases =
                ran.runs().stream().flatMap(r -> r.runs().stream()).toList();
        Results.Run result = new Results.Run(
                suite.name(),
                o.suite().toString(),
                suite.description(),
                startedAt,
                Math.round((System.nanoTime() - start) / 1e8) / 10.0,
                ran.target(),
                o.repeats(),
                o.concurrency(),
                o.baseline() == null ? null : o.baseline().toString(),
                variants,
                cases,
                List.copyOf(notes),
                ExitCode.of(variants, cases, o.failOnSkip()));
        write(result, baseline, outDir, out);
        return result.exitCode();
    }

    private static Path defaultOut(Suite suite) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("target", "evals", time + "-" + suite.name());
    }

    private static List<String> judgeNotes(Suite suite, Judge judge) {
        List<String> notes = new ArrayList<>();
        boolean rubrics = suite.cases().stream()
                .flatMap(c -> c.turns().stream())
                .anyMatch(t -> t.expect().llmRubric() != null);
        if (judge != null) {
            notes.add("llm_rubric judged by " + judge.describe());
        } else if (rubrics) {
            notes.add("llm_rubric assertions skipped: no judge model configured (set " + Judge.URL_ENV + ", "
                    + Judge.MODEL_ENV + ", " + Judge.KEY_ENV + ")");
        }
        return notes;
    }

    private Ran runVariants(
            Suite suite, List<Suite.Variant> selected, Options o, Path outDir, Judge judge, PrintWriter out)
            throws IOException, InterruptedException {
        Suite.CatalogSpec catalog = suite.catalog();
        if (o.target() == null && !catalog.isDemo() && !Files.isRegularFile(catalog.path())) {
            String why = "catalog " + catalog.path() + " is absent (see the suite's description)";
            return new Ran(
                    "(none)",
                    selected.stream()
                            .map(v -> new EvalRunner.VariantRun(v, null, why, List.of()))
                            .toList());
        }
        LocalService local = o.target() == null ? startLocal(suite, o, outDir, out) : null;
        try {
            String target = local == null ? o.target() : local.url();
            ServiceClient.Reply health = new ServiceClient(target, Duration.ofSeconds(10)).get("/api/catalog");
            if (!health.ok()) {
                throw new IOException("no Segue answers at " + target + " (" + health.detail() + ")");
            }
            EvalRunner.Settings settings = new EvalRunner.Settings(
                    o.variants(), o.concurrency(), o.repeats(), Duration.ofSeconds(o.timeoutSeconds()));
            out.printf(
                    "running suite %s: %d cases x %d variant(s) x %d repeat(s) against %s%n",
                    suite.name(), suite.cases().size(), selected.size(), o.repeats(), target);
            return new Ran(target, new EvalRunner(suite, target, judge, settings, out).run());
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /**
     * The local Segue runs on its own data dir, data/evals-NAME (data/evals-demo for the demo catalog), never on the
     * ./data of a user's ./segue: an embedded database has one user at a time. A first run starts from the index
     * ./segue built of the demo catalog, when there is one.
     */
    private LocalService startLocal(Suite suite, Options o, Path outDir, PrintWriter out)
            throws IOException, InterruptedException {
        Path dataDir = o.dataDir() != null
                ? o.dataDir()
                : Path.of("data", "evals-" + suite.catalog().name());
        if (o.dataDir() == null && suite.catalog().isDemo()) {
            Path served = Path.of(System.getenv().getOrDefault("SEGUE_DATA_DIR", "data"), "index");
            if (IndexSeed.copyIfAbsent(served, dataDir)) {
                out.printf("copied the demo catalog's index from %s to %s%n", served, dataDir);
            }
        }
        LocalService.Spec spec = new LocalService.Spec(
                serviceJar, dataDir, suite.catalog(), LocalService.UNLIMITED, outDir.resolve("server.log"));
        return LocalService.start(spec, Duration.ofMinutes(10), out);
    }

    private void write(Results.Run result, Results.Run baseline, Path outDir, PrintWriter out) throws IOException {
        Path json = outDir.resolve("results.json");
        Json.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
        Path report = outDir.resolve("report.html");
        Files.writeString(report, html.render(result, baseline));
        ConsoleReport.print(result, out);
        out.println("results: " + json);
        out.println("report:  " + report);
        out.println(ExitCode.verdict(result));
    }
}
