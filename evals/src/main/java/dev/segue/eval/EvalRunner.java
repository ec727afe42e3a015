package dev.segue.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Status;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a suite's cases under each variant against a running service: probes each variant first (an option the
 * server does not offer skips the variant, with the server's reason), then runs cases concurrently, each case's
 * turns in order (create, then refine, refine, ...; or a DJ script's steps).
 */
public final class EvalRunner {

    /** How to run: which variants (null = all of the suite's), how many requests at once, how many repeats. */
    public record Settings(List<String> variants, int concurrency, int repeats, Duration timeout) {}

    /**
     * A variant as it was run: skipped (with why) or not, its case runs, and the size of the catalog its target
     * serves (null when unknown).
     */
    public record VariantRun(
            Suite.Variant variant,
            String target,
            String skipped,
            List<CaseRun> runs,
            ExposureMetrics.CatalogSize catalog) {

        /** A run whose catalog size is unknown: no exposure metrics. */
        public VariantRun(Suite.Variant variant, String target, String skipped, List<CaseRun> runs) {
            this(variant, target, skipped, runs, null);
        }
    }

    private record Task(int variant, Suite.Case c, int repeat) {}

    private static final String PROBE_PROMPT = "calm piano";

    private final Suite suite;
    private final String defaultTarget;
    private final Settings settings;
    private final PrintWriter log;
    private final PlaylistCaseRunner playlists;
    private final DjCaseRunner dj;
    private final Map<String, ServiceClient> clients = new LinkedHashMap<>();

    /** {@code judge} is null when none is configured. */
    public EvalRunner(Suite suite, String defaultTarget, Judge judge, Settings settings, PrintWriter log) {
        this.suite = suite;
        this.defaultTarget = defaultTarget;
        this.settings = settings;
        this.log = log;
        this.playlists = new PlaylistCaseRunner(judge);
        this.dj = new DjCaseRunner(judge);
    }

    /** The variants to run, in the order asked; an unknown name is the caller's mistake. */
    public static List<Suite.Variant> select(Suite suite, List<String> names) {
        if (names == null || names.isEmpty()) {
            return suite.variants();
        }
        Map<String, Suite.Variant> byName = new LinkedHashMap<>();
        suite.variants().forEach(v -> byName.put(v.name(), v));
        List<Suite.Variant> out = new ArrayList<>();
        for (String name : names) {
            Suite.Variant v = byName.get(name);
            if (v == null) {
                throw new SuiteLoader.SuiteException("suite " + suite.name() + " has no variant \"" + name
                        + "\" (it has: " + String.join(", ", byName.keySet()) + ")");
            }
            out.add(v);
        }
        return out;
    }

    public List<VariantRun> run() throws InterruptedException {
        List<VariantRun> probed = probeAll();
        String djSkip = suite.cases().stream().anyMatch(Suite.Case::isDj)
                ? djSkipReason(clients.values().iterator().next())
                : null;
        List<Task> tasks = new ArrayList<>();
        // Variants interleaved case by case, so a cold server's warm-up does not land on the first variant alone.
        for (int r = 0; r < settings.repeats(); r++) {
            for (Suite.Case c : suite.cases()) {
                for (int v = 0; v < probed.size(); v++) {
                    if (probed.get(v).skipped() == null) {
                        tasks.add(new Task(v, c, r));
                    }
                }
            }
        }
        List<List<CaseRun>> byVariant = execute(tasks, probed, djSkip);
        List<VariantRun> out = new ArrayList<>();
        for (int v = 0; v < probed.size(); v++) {
            List<CaseRun> runs = byVariant.get(v);
            runs.sort(Comparator.comparingInt(CaseRun::repeat)); // stable: suite order within a repeat
            VariantRun p = probed.get(v);
            out.add(new VariantRun(p.variant(), p.target(), p.skipped(), List.copyOf(runs), p.catalog()));
        }
        return out;
    }

    private List<VariantRun> probeAll() {
        List<VariantRun> probed = new ArrayList<>();
        for (Suite.Variant v : select(suite, settings.variants())) {
            String target = v.target() == null ? defaultTarget : v.target();
            ServiceClient client = clients.computeIfAbsent(target, t -> new ServiceClient(t, settings.timeout()));
            String skipped = probe(v, client);
            if (skipped != null) {
                log.printf("variant %s: skipped (%s)%n", v.name(), skipped);
            }
            probed.add(new VariantRun(
                    v, target, skipped, List.of(), ExposureMetrics.CatalogSize.of(client.get("/api/catalog"))));
        }
        return probed;
    }

    private List<List<CaseRun>> execute(List<Task> tasks, List<VariantRun> probed, String djSkip)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()));
        AtomicInteger done = new AtomicInteger();
        List<Future<CaseRun>> futures = new ArrayList<>();
        try {
            for (Task task : tasks) {
                VariantRun vr = probed.get(task.variant());
                ServiceClient client = clients.get(vr.target());
                futures.add(pool.submit(() -> {
                    CaseRun run = runCase(task, vr.variant(), client, djSkip);
                    progress(done.incrementAndGet(), tasks.size(), run);
                    return run;
                }));
            }
            List<List<CaseRun>> byVariant = new ArrayList<>();
            probed.forEach(p -> byVariant.add(new ArrayList<>()));
            for (int i = 0; i < futures.size(); i++) {
                byVariant.get(tasks.get(i).variant()).add(futures.get(i).get());
            }
            return byVariant;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an eval task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseRun runCase(Task task, Suite.Variant variant, ServiceClient client, String djSkip) {
        Suite.Case c = task.c();
        if (!c.isDj()) {
            return playlists.run(c, variant, task.repeat(), client);
        }
        if (djSkip == null) {
            return dj.run(c, variant, task.repeat(), client);
        }
        return CaseRun.skipped(c, variant, task.repeat(), djSkip, List.of());
    }

    /** Null when the variant can run; otherwise why not (wrong catalog, or an option the server does not offer). */
    private String probe(Suite.Variant variant, ServiceClient client) {
        ServiceClient.Reply catalog = client.get("/api/catalog");
        if (!catalog.ok()) {
            return null; // unreachable or odd: let the cases fail and say why, a skip would hide it
        }
        String wrongCatalog =
                catalogMismatch(suite.catalog(), catalog.body().path("source").asText(""));
        if (wrongCatalog != null) {
            return wrongCatalog;
        }
        ObjectNode options = PlaylistCaseRunner.mergedOptions(Json.JSON.createObjectNode(), variant);
        if (options.isEmpty()) {
            return null;
        }
        ObjectNode body =
                Json.JSON.createObjectNode().put("prompt", PROBE_PROMPT).put("length", 5);
        body.set("options", options);
        ServiceClient.Reply reply = client.create(body);
        return reply.optionUnavailable() ? "the server does not offer " + options + ": " + reply.detail() : null;
    }

    static String catalogMismatch(Suite.CatalogSpec wanted, String source) {
        boolean demoServed = source.startsWith("classpath:");
        if (wanted.isDemo() && !demoServed) {
            return "the target serves " + source + "; this suite is written for the demo catalog";
        }
        if (!wanted.isDemo() && !source.endsWith(wanted.path().getFileName().toString())) {
            return "the target serves " + source + "; this suite needs " + wanted.path();
        }
        return null;
    }

    /** Null when the target has the DJ API (a GET on the collection is 405 there); an older Segue answers 404. */
    private static String djSkipReason(ServiceClient client) {
        ServiceClient.Reply reply = client.get(DjCaseRunner.SESSIONS);
        return reply.status() == 404 || reply.status() == 0 ? "no DJ API on the target" : null;
    }

    private void progress(int done, int total, CaseRun run) {
        String status = run.status().name().toLowerCase(Locale.ROOT);
        String failure = run.status() != Status.FAIL
                ? ""
                : (run.knownIssue() != null ? "  (known issue) " : "  — ") + run.firstFailure();
        synchronized (log) {
            log.printf("[%d/%d] %-4s %s / %s%s%n", done, total, status, run.variant(), run.caseId(), failure);
            log.flush();
        }
    }
}
