package dev.segue.eval;

import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.recording.ProviderSession;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            boolean failOnSkip,
            Provider provider) {}

    /** How the local Segue meets its LLM provider and its prompts: --record DIR, --replay DIR, --prompts DIR. */
    public record Provider(Path record, Path replay, Path prompts) {}

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
        try (ProviderSession provider = open(o.provider(), suite)) {
            List<String> names = o.variants() != null ? o.variants() : provider.defaultVariants();
            List<Suite.Variant> selected = EvalRunner.select(suite, names); // a wrong name fails before anything
            if (provider != ProviderSession.NONE) {
                requireLocal(selected);
            }
            Results.Run baseline = o.baseline() == null ? null : Results.read(o.baseline());
            Path outDir = o.out() != null ? o.out() : defaultOut(suite);
            Files.createDirectories(outDir);
            Results.Run result;
            try {
                result = evaluate(suite, selected, o, baseline, outDir, provider, out);
            } catch (IOException e) {
                if (provider.startupProblem() == null) {
                    throw e;
                }
                out.println("evals: " + e.getMessage());
                out.println(ExitCode.verdict(ExitCode.REPLAY_DRIFTED, List.of()));
                return ExitCode.REPLAY_DRIFTED;
            }
            write(result, baseline, outDir, out);
            return result.exitCode();
        }
    }

    private Results.Run evaluate(
            Suite suite,
            List<Suite.Variant> selected,
            Options o,
            Results.Run baseline,
            Path outDir,
            ProviderSession provider,
            PrintWriter out)
            throws IOException, InterruptedException {
        Judge judge = judges.configured().orElse(null);
        List<String> notes = judgeNotes(suite, judge);
        long start = System.nanoTime();
        String startedAt = OffsetDateTime.now().toString();
        Ran ran = runVariants(suite, selected, o, outDir, judge, provider, out);
        ProviderSession.Outcome exchanges = provider.finish(
                suite.name(), selected.stream().map(Suite.Variant::name).toList());

        double tolerance = o.tolerance() != null ? o.tolerance() : suite.tolerance();
        List<Results.Variant> variants = new ArrayList<>();
        for (EvalRunner.VariantRun run : ran.runs()) {
            variants.add(Gates.judge(suite, run, baseline, tolerance, notes));
        }
        notes.addAll(0, exchanges.notes()); // first: a drifted replay makes the rest moot
        List<CaseRun> cases =
                ran.runs().stream().flatMap(r -> r.runs().stream()).toList();
        return new Results.Run(
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
                exchanges.drifted() ? ExitCode.REPLAY_DRIFTED : ExitCode.of(variants, cases, o.failOnSkip()));
    }

    /** The runner's environment is the local Segue's: its SEGUE_LLM_* settings name the provider to record. */
    private static ProviderSession open(Provider p, Suite suite) throws IOException {
        ProviderSession session = p.record() != null
                ? ProviderSession.record(p.record(), System.getenv())
                : p.replay() != null ? ProviderSession.replay(p.replay(), System.getenv()) : ProviderSession.NONE;
        String refusal = session.refusal(suite.name());
        if (refusal != null) {
            session.close();
            throw new SuiteLoader.SuiteException(refusal);
        }
        return session;
    }

    /** A variant with its own target talks to another Segue, whose provider a recording or replay cannot see. */
    private static void requireLocal(List<Suite.Variant> selected) {
        for (Suite.Variant v : selected) {
            if (v.target() != null) {
                throw new SuiteLoader.SuiteException("variant " + v.name() + " runs against " + v.target()
                        + "; --record and --replay work on the Segue the runner starts (pick other --variants)");
            }
        }
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
            Suite suite,
            List<Suite.Variant> selected,
            Options o,
            Path outDir,
            Judge judge,
            ProviderSession provider,
            PrintWriter out)
            throws IOException, InterruptedException {
        Suite.CatalogSpec catalog = suite.catalog();
        if (o.target() == null && !catalog.isDemo() && !Files.isRegularFile(catalog.path())) {
            String why = "catalog " + catalog.path() + " is absent (see the suite's description)";
            return new Ran(
                    "(none)",
                    selected.stream()
                            .map(v -> new EvalRunner.VariantRun(v, null, why, List.of(), null))
                            .toList());
        }
        LocalService local = o.target() == null ? startLocal(suite, o, outDir, provider, out) : null;
        try {
            String target = local == null ? o.target() : local.url();
            ServiceClient.Reply health = new ServiceClient(target, Duration.ofSeconds(10)).get("/api/catalog");
            if (!health.ok()) {
                throw new IOException("no Segue answers at " + target + " (" + health.detail() + ")");
            }
            List<String> names = selected.stream().map(Suite.Variant::name).toList();
            EvalRunner.Settings settings = new EvalRunner.Settings(
                    names, o.concurrency(), o.repeats(), Duration.ofSeconds(o.timeoutSeconds()));
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
    private LocalService startLocal(Suite suite, Options o, Path outDir, ProviderSession provider, PrintWriter out)
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
        Map<String, String> settings = new HashMap<>(LocalService.UNLIMITED);
        settings.putAll(provider.serviceSettings());
        if (o.provider().prompts() != null) {
            settings.put(
                    "SEGUE_PROMPTS_DIR", o.provider().prompts().toAbsolutePath().toString());
        }
        LocalService.Spec spec =
                new LocalService.Spec(serviceJar, dataDir, suite.catalog(), settings, outDir.resolve("server.log"));
        return LocalService.start(spec, Duration.ofMinutes(10), provider::startupProblem, out);
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
