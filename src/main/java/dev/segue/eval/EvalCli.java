package dev.segue.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./evals/run SUITE.yaml [options]}: runs an eval suite against a Segue (one it starts itself unless --target
 * is given), prints a table, writes results.json and report.html, and exits non-zero when a gate fails.
 */
public final class EvalCli {

    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int USAGE_OR_SETUP = 2;
    public static final int SKIPPED = 3;

    static final String USAGE = """
            usage: ./evals/run SUITE.yaml [options]
              --target URL        evaluate a running Segue (default: start one from the packaged jar on a free port)
              --variants a,b      run only these of the suite's variants (default: all)
              --baseline FILE     a results.json (or its folder) from an earlier run: fail when a quality metric
                                  drops by more than the tolerance
              --tolerance X       allowed drop against the baseline, absolute on 0..1 (default: the suite's, else 0.02)
              --concurrency N     cases in flight at once (default 4)
              --repeats N         run every case N times (default 1)
              --out DIR           where results.json and report.html go (default target/evals/<time>-<suite>)
              --data-dir DIR      data dir of the local Segue (default ./data, or data/evals-<catalog> for another catalog)
              --timeout S         seconds to wait for one request (default 120)
              --fail-on-skip      exit 3 when a variant or case was skipped (default: skips are reported, exit 0)
            exit: 0 every gate holds; 1 a threshold or baseline gate failed; 2 bad usage, bad suite or no service;
                  3 something was skipped and --fail-on-skip was given
            """;

    record Options(
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

    private EvalCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("evals: " + e.getMessage());
            err.print(USAGE);
            return USAGE_OR_SETUP;
        }
        if (options == null) {
            out.print(USAGE);
            return OK;
        }
        try {
            return execute(options, env, out);
        } catch (SuiteLoader.SuiteException e) {
            err.println("evals: " + e.getMessage());
            return USAGE_OR_SETUP;
        } catch (IOException e) {
            err.println("evals: " + e.getMessage());
            return USAGE_OR_SETUP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("evals: interrupted");
            return USAGE_OR_SETUP;
        }
    }

    private static int execute(Options o, Map<String, String> env, PrintStream out)
            throws IOException, InterruptedException {
        Suite suite = SuiteLoader.load(o.suite(), env::get);
        EvalRunner.select(suite, o.variants()); // an unknown variant name fails before anything starts
        Results.Run baseline = o.baseline() == null ? null : readBaseline(o.baseline());
        Path outDir = o.out() != null
                ? o.out()
                : Path.of(
                        "target",
                        "evals",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                                + suite.name());
        Files.createDirectories(outDir);
        Judge judge = Judge.fromEnvironment(env);
        List<String> notes = new ArrayList<>();
        if (judge == null
                && suite.cases().stream()
                        .flatMap(c -> c.turns().stream())
                        .anyMatch(t -> t.expect().llmRubric() != null)) {
            notes.add("llm_rubric assertions skipped: no judge model configured (set " + Judge.URL_ENV + ", "
                    + Judge.MODEL_ENV + ", " + Judge.KEY_ENV + ")");
        } else if (judge != null) {
            notes.add("llm_rubric judged by " + judge.describe());
        }

        long start = System.nanoTime();
        String startedAt = OffsetDateTime.now().toString();
        LocalService local = null;
        String target = o.target();
        List<EvalRunner.VariantRun> runs;
        try {
            String missingCatalog = !suite.catalog().isDemo()
                            && !Files.isRegularFile(suite.catalog().path())
                    ? "catalog " + suite.catalog().path() + " is absent (see the suite's description)"
                    : null;
            if (missingCatalog != null && target == null) {
                target = "(none)";
                runs = EvalRunner.select(suite, o.variants()).stream()
                        .map(v -> new EvalRunner.VariantRun(v, null, missingCatalog, List.of()))
                        .toList();
            } else {
                if (target == null) {
                    Path dataDir = o.dataDir() != null
                            ? o.dataDir()
                            : suite.catalog().isDemo()
                                    ? Path.of(env.getOrDefault("SEGUE_DATA_DIR", "data"))
                                    : Path.of("data", "evals-" + suite.catalog().name());
                    local = LocalService.start(
                            Path.of("target", "quarkus-app", "quarkus-run.jar"),
                            dataDir,
                            suite.catalog(),
                            outDir.resolve("server.log"),
                            Duration.ofMinutes(10),
                            out);
                    target = local.url();
                }
                ServiceClient.Reply health = new ServiceClient(target, Duration.ofSeconds(10)).get("/api/catalog");
                if (!health.ok()) {
                    throw new IOException("no Segue answers at " + target + " (" + health.detail() + ")");
                }
                EvalRunner.Settings settings = new EvalRunner.Settings(
                        o.variants(), o.concurrency(), o.repeats(), Duration.ofSeconds(o.timeoutSeconds()));
                out.printf(
                        "running suite %s: %d cases x %d variant(s) x %d repeat(s) against %s%n",
                        suite.name(),
                        suite.cases().size(),
                        EvalRunner.select(suite, o.variants()).size(),
                        o.repeats(),
                        target);
                runs = new EvalRunner(suite, target, judge, settings, out).run();
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }

        double tolerance = o.tolerance() != null ? o.tolerance() : suite.tolerance();
        List<Results.Variant> variants = new ArrayList<>();
        for (EvalRunner.VariantRun run : runs) {
            variants.add(Gates.judge(suite, run, baseline, tolerance, notes));
        }
        boolean failed = variants.stream().anyMatch(Results.Variant::failed);
        boolean skipped = variants.stream().anyMatch(v -> v.skipped() != null)
                || runs.stream().flatMap(r -> r.runs().stream()).anyMatch(c -> c.status() == Results.Status.SKIP);
        int exit = failed ? GATE_FAILED : skipped && o.failOnSkip() ? SKIPPED : OK;
        Results.Run result = new Results.Run(
                suite.name(),
                o.suite().toString(),
                suite.description(),
                startedAt,
                Math.round((System.nanoTime() - start) / 1e8) / 10.0,
                target,
                o.repeats(),
                o.concurrency(),
                o.baseline() == null ? null : o.baseline().toString(),
                variants,
                runs.stream().flatMap(r -> r.runs().stream()).toList(),
                List.copyOf(notes),
                exit);

        Path json = outDir.resolve("results.json");
        Json.JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
        Path html = outDir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(result, baseline));
        ConsoleReport.print(result, out);
        out.println("results: " + json);
        out.println("report:  " + html);
        out.println(
                switch (exit) {
                    case OK -> "PASS";
                    case SKIPPED -> "SKIPPED (--fail-on-skip)";
                    default -> "FAIL (exit " + exit + ")";
                });
        return exit;
    }

    static Results.Run readBaseline(Path file) throws IOException {
        Path resolved = Files.isDirectory(file) ? file.resolve("results.json") : file;
        if (!Files.isRegularFile(resolved)) {
            throw new IOException("baseline " + resolved + " does not exist");
        }
        return Json.JSON.readValue(resolved.toFile(), Results.Run.class);
    }

    static Options parse(String[] args) {
        Path suite = null;
        String target = null;
        List<String> variants = null;
        Path baseline = null;
        Double tolerance = null;
        int concurrency = 4;
        int repeats = 1;
        Path out = null;
        Path dataDir = null;
        int timeout = 120;
        boolean failOnSkip = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--target" -> target = args[++i];
                    case "--variants" ->
                        variants = Arrays.stream(args[++i].split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList();
                    case "--baseline" -> baseline = Path.of(args[++i]);
                    case "--tolerance" -> tolerance = Double.parseDouble(args[++i]);
                    case "--concurrency" -> concurrency = positive("--concurrency", args[++i]);
                    case "--repeats" -> repeats = positive("--repeats", args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--timeout" -> timeout = positive("--timeout", args[++i]);
                    case "--fail-on-skip" -> failOnSkip = true;
                    default -> {
                        if (args[i].startsWith("-") || suite != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        suite = Path.of(args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("an option needs a value");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
        if (suite == null) {
            throw new IllegalArgumentException("give a suite file, e.g. evals/suites/core.yaml");
        }
        if (!Files.isRegularFile(suite)) {
            throw new IllegalArgumentException("no suite file at " + suite);
        }
        return new Options(
                suite, target, variants, baseline, tolerance, concurrency, repeats, out, dataDir, timeout, failOnSkip);
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value.strip());
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
