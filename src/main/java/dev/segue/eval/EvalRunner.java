package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 * turns in order (create, then refine, refine, ...).
 */
public final class EvalRunner {

    /** How to run: which variants (null = all of the suite's), how many requests at once, how many repeats. */
    public record Settings(List<String> variants, int concurrency, int repeats, Duration timeout) {

        public static final Settings DEFAULT = new Settings(null, 4, 1, Duration.ofSeconds(120));
    }

    /** A variant as it was run: skipped (with why) or not, and its case runs. */
    public record VariantRun(Suite.Variant variant, String target, String skipped, List<CaseRun> runs) {
    }

    private static final String PROBE_PROMPT = "calm piano";

    private final Suite suite;
    private final String defaultTarget;
    private final Judge judge;
    private final Settings settings;
    private final PrintStream log;

    public EvalRunner(Suite suite, String defaultTarget, Judge judge, Settings settings, PrintStream log) {
        this.suite = suite;
        this.defaultTarget = defaultTarget;
        this.judge = judge;
        this.settings = settings;
        this.log = log;
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
        List<Suite.Variant> variants = select(suite, settings.variants());
        Map<String, ServiceClient> clients = new LinkedHashMap<>();
        List<VariantRun> probed = new ArrayList<>();
        for (Suite.Variant v : variants) {
            String target = v.target() == null ? defaultTarget : v.target();
            ServiceClient client = clients.computeIfAbsent(target, t -> new ServiceClient(t, settings.timeout()));
            String skipped = probe(v, client);
            if (skipped != null) {
                log.printf("variant %s: skipped (%s)%n", v.name(), skipped);
            }
            probed.add(new VariantRun(v, target, skipped, List.of()));
        }
        String djSkip = suite.cases().stream().anyMatch(Suite.Case::isDj)
                ? djSkipReason(clients.values().iterator().next()) : null;

        record Task(int variant, Suite.Case c, int repeat) {
        }
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()));
        AtomicInteger done = new AtomicInteger();
        List<Future<CaseRun>> futures = new ArrayList<>();
        try {
            for (Task task : tasks) {
                VariantRun vr = probed.get(task.variant());
                ServiceClient client = clients.get(vr.target());
                futures.add(pool.submit(() -> {
                    CaseRun run = task.c().isDj()
                            ? new CaseRun(task.c().id(), vr.variant().name(), task.repeat(), Status.SKIP, djSkip,
                                    task.c().knownIssue(vr.variant().name()), task.c().labels(), List.of())
                            : runCase(task.c(), vr.variant(), task.repeat(), client);
                    progress(done.incrementAndGet(), tasks.size(), run);
                    return run;
                }));
            }
            List<List<CaseRun>> byVariant = new ArrayList<>();
            probed.forEach(p -> byVariant.add(new ArrayList<>()));
            for (int i = 0; i < futures.size(); i++) {
                byVariant.get(tasks.get(i).variant()).add(futures.get(i).get());
            }
            List<VariantRun> out = new ArrayList<>();
            for (int v = 0; v < probed.size(); v++) {
                List<CaseRun> runs = byVariant.get(v);
                runs.sort(Comparator.comparingInt(CaseRun::repeat)); // stable: suite order within a repeat
                VariantRun p = probed.get(v);
                out.add(new VariantRun(p.variant(), p.target(), p.skipped(), List.copyOf(runs)));
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an eval task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the variant can run; otherwise why not (wrong catalog, or an option the server does not offer). */
    private String probe(Suite.Variant variant, ServiceClient client) {
        ServiceClient.Reply catalog = client.get("/api/catalog");
        if (!catalog.ok()) {
            return null; // unreachable or odd: let the cases fail and say why, a skip would hide it
        }
        String source = catalog.body().path("source").asText("");
        String wrongCatalog = catalogMismatch(suite.catalog(), source);
        if (wrongCatalog != null) {
            return wrongCatalog;
        }
        ObjectNode options = mergedOptions(Json.JSON.createObjectNode(), variant);
        if (options.isEmpty()) {
            return null;
        }
        ObjectNode body = Json.JSON.createObjectNode().put("prompt", PROBE_PROMPT).put("length", 5);
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

    private String djSkipReason(ServiceClient client) {
        ServiceClient.Reply reply = client.get("/api/dj/sessions");
        return reply.status() == 404 || reply.status() == 0 ? "no DJ API on the target"
                : "the DJ API exists but this runner does not drive DJ scripts yet";
    }

    private CaseRun runCase(Suite.Case c, Suite.Variant variant, int repeat, ServiceClient client) {
        List<Turn> turns = new ArrayList<>();
        String playlistId = null;
        for (int i = 0; i < c.turns().size(); i++) {
            Suite.Turn turn = c.turns().get(i);
            String prompt = variant.promptTemplate() == null ? turn.prompt()
                    : variant.promptTemplate().replace("{prompt}", turn.prompt());
            ObjectNode request;
            ServiceClient.Reply reply;
            if (i == 0) {
                request = c.request().deepCopy();
                request.put("prompt", prompt);
                ObjectNode options = mergedOptions(request.has("options") ? (ObjectNode) request.get("options")
                        : Json.JSON.createObjectNode(), variant);
                if (!options.isEmpty()) {
                    request.set("options", options);
                }
                reply = client.create(request);
            } else {
                request = Json.JSON.createObjectNode().put("prompt", prompt);
                reply = client.refine(playlistId, prompt);
            }
            boolean refusalExpected = Boolean.TRUE.equals(turn.expect().refusalOk()) || turn.expect().status() != null;
            if (reply.optionUnavailable() && !refusalExpected) {
                return new CaseRun(c.id(), variant.name(), repeat, Status.SKIP, "unavailable: " + reply.detail(),
                        c.knownIssue(variant.name()), c.labels(), List.copyOf(turns));
            }
            turns.add(evaluate(i, turn, c, prompt, request, reply, client));
            if (!reply.ok()) {
                break; // no playlist to refine; a clean refusal that was allowed still passes
            }
            playlistId = reply.body().path("id").asText();
        }
        boolean failed = turns.stream().flatMap(t -> t.checks().stream()).anyMatch(ch -> ch.status() == Status.FAIL);
        return new CaseRun(c.id(), variant.name(), repeat, failed ? Status.FAIL : Status.PASS, null,
                c.knownIssue(variant.name()), c.labels(), List.copyOf(turns));
    }

    private Turn evaluate(int index, Suite.Turn turn, Suite.Case c, String prompt, JsonNode request,
            ServiceClient.Reply reply, ServiceClient client) {
        List<Check> checks = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        Expect expect = turn.expect();
        boolean refusalOk = Boolean.TRUE.equals(expect.refusalOk()) || expect.status() != null;
        if (expect.status() != null && !expect.status().contains(reply.status())) {
            checks.add(Check.fail("response", reply.detail() + ", expected HTTP " + expect.status(), null));
        } else if (reply.ok()) {
            checks.add(Check.pass("response", "HTTP " + reply.status(), null));
            checks.addAll(playlistShape(reply.body()));
            checks.addAll(Checks.evaluate(expect, reply.body(), reply.ms(), judge, prompt));
            for (Check check : checks) {
                if (check.name().equals("tags") && check.value() != null) {
                    metrics.put("tag_precision", check.value());
                }
                if (check.name().equals("llm_rubric") && check.value() != null) {
                    metrics.put("rubric_score", check.value());
                }
            }
            if (Boolean.TRUE.equals(expect.knownTrackIds())) {
                checks.add(knownTrackIds(reply.body(), client));
            }
            if (!c.relevant().isEmpty()) {
                List<String> ranked = new ArrayList<>();
                reply.body().path("tracks").forEach(t -> ranked.add(t.path("id").asText()));
                metrics.putAll(RankingMetrics.score(ranked, new HashSet<>(c.relevant())));
            }
        } else if (refusalOk && reply.cleanRefusal()) {
            checks.add(Check.pass("response", "clean refusal, " + reply.detail(), null));
        } else {
            String why = reply.status() >= 400 && reply.status() < 500 && !reply.cleanRefusal()
                    ? " (not a problem+json body with a detail)" : "";
            checks.add(Check.fail("response", reply.detail() + why, null));
        }
        return new Turn(index, prompt, request, reply.status(), round(reply.ms()), reply.body(),
                List.copyOf(checks), metrics);
    }

    /** Every track id is one the catalog serves (GET /api/tracks/{id}): nothing invented, nothing injected. */
    private static Check knownTrackIds(JsonNode playlist, ServiceClient client) {
        List<String> unknown = new ArrayList<>();
        for (JsonNode t : playlist.path("tracks")) {
            String id = t.path("id").asText();
            String path = "/api/tracks/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            if (client.get(path).status() != 200) {
                unknown.add(id);
            }
        }
        return Check.of("known_track_ids", unknown.isEmpty(), unknown.isEmpty()
                ? "all " + playlist.path("tracks").size() + " ids are catalog tracks" : "unknown ids: " + unknown, null);
    }

    /** What every playlist must look like, whatever the case asks: tracks numbered 1..n, each with an id. */
    private static List<Check> playlistShape(JsonNode playlist) {
        JsonNode tracks = playlist.path("tracks");
        if (!tracks.isArray() || tracks.isEmpty()) {
            return List.of(Check.fail("playlist", "no tracks", 0.0));
        }
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode t = tracks.get(i);
            if (t.path("position").asInt() != i + 1 || t.path("id").asText().isBlank()) {
                return List.of(Check.fail("playlist", "track " + (i + 1) + " has position "
                        + t.path("position") + " and id " + t.path("id"), null));
            }
        }
        return List.of();
    }

    /** The variant's options over the case's: the variant is what is being compared, so it wins. */
    private static ObjectNode mergedOptions(ObjectNode caseOptions, Suite.Variant variant) {
        return SuiteLoader.merge(caseOptions, variant.options());
    }

    private void progress(int done, int total, CaseRun run) {
        if (log == null) {
            return;
        }
        String status = run.status() == Status.SKIP ? "skip" : run.status().name().toLowerCase(Locale.ROOT);
        synchronized (log) {
            log.printf("[%d/%d] %-4s %s / %s%s%n", done, total, status, run.variant(), run.caseId(),
                    run.status() != Status.FAIL ? "" : (run.knownIssue() != null ? "  (known issue) " : "  — ") + firstFailure(run));
        }
    }

    static String firstFailure(CaseRun run) {
        return run.turns().stream().flatMap(t -> t.checks().stream()).filter(c -> c.status() == Status.FAIL)
                .findFirst().map(c -> c.name() + ": " + c.detail()).orElse("");
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
