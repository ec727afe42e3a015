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
import java.util.Set;
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
    public record Settings(List<String> variants, int concurrency, int repeats, Duration timeout) {

        public static final Settings DEFAULT = new Settings(null, 4, 1, Duration.ofSeconds(120));
    }

    /** A variant as it was run: skipped (with why) or not, and its case runs. */
    public record VariantRun(Suite.Variant variant, String target, String skipped, List<CaseRun> runs) {}

    private static final String PROBE_PROMPT = "calm piano";
    private static final String DJ_SESSIONS = "/api/dj/sessions";

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
                ? djSkipReason(clients.values().iterator().next())
                : null;

        record Task(int variant, Suite.Case c, int repeat) {}
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
                    CaseRun run = !task.c().isDj()
                            ? runCase(task.c(), vr.variant(), task.repeat(), client)
                            : djSkip == null
                                    ? runDj(task.c(), vr.variant(), task.repeat(), client)
                                    : new CaseRun(
                                            task.c().id(),
                                            vr.variant().name(),
                                            task.repeat(),
                                            Status.SKIP,
                                            djSkip,
                                            task.c().knownIssue(vr.variant().name()),
                                            task.c().labels(),
                                            List.of());
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
        ServiceClient.Reply reply = client.get(DJ_SESSIONS);
        return reply.status() == 404 || reply.status() == 0 ? "no DJ API on the target" : null;
    }

    private CaseRun runCase(Suite.Case c, Suite.Variant variant, int repeat, ServiceClient client) {
        List<Turn> turns = new ArrayList<>();
        String playlistId = null;
        for (int i = 0; i < c.turns().size(); i++) {
            Suite.Turn turn = c.turns().get(i);
            String prompt = variant.promptTemplate() == null
                    ? turn.prompt()
                    : variant.promptTemplate().replace("{prompt}", turn.prompt());
            ObjectNode request;
            ServiceClient.Reply reply;
            if (i == 0) {
                request = c.request().deepCopy();
                request.put("prompt", prompt);
                ObjectNode options = mergedOptions(
                        request.has("options") ? (ObjectNode) request.get("options") : Json.JSON.createObjectNode(),
                        variant);
                if (!options.isEmpty()) {
                    request.set("options", options);
                }
                reply = client.create(request);
            } else {
                request = Json.JSON.createObjectNode().put("prompt", prompt);
                reply = client.refine(playlistId, prompt);
            }
            boolean refusalExpected = Boolean.TRUE.equals(turn.expect().refusalOk())
                    || turn.expect().status() != null;
            if (reply.optionUnavailable() && !refusalExpected) {
                return new CaseRun(
                        c.id(),
                        variant.name(),
                        repeat,
                        Status.SKIP,
                        "unavailable: " + reply.detail(),
                        c.knownIssue(variant.name()),
                        c.labels(),
                        List.copyOf(turns));
            }
            turns.add(evaluate(i, turn, c, prompt, request, reply, client));
            if (!reply.ok()) {
                break; // no playlist to refine; a clean refusal that was allowed still passes
            }
            playlistId = reply.body().path("id").asText();
        }
        boolean failed = turns.stream().flatMap(t -> t.checks().stream()).anyMatch(ch -> ch.status() == Status.FAIL);
        return new CaseRun(
                c.id(),
                variant.name(),
                repeat,
                failed ? Status.FAIL : Status.PASS,
                null,
                c.knownIssue(variant.name()),
                c.labels(),
                List.copyOf(turns));
    }

    private Turn evaluate(
            int index,
            Suite.Turn turn,
            Suite.Case c,
            String prompt,
            JsonNode request,
            ServiceClient.Reply reply,
            ServiceClient client) {
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
            metrics.putAll(metricsOf(checks));
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
                    ? " (not a problem+json body with a detail)"
                    : "";
            checks.add(Check.fail("response", reply.detail() + why, null));
        }
        return new Turn(
                index,
                null,
                prompt,
                request,
                reply.status(),
                round(reply.ms()),
                reply.body(),
                List.copyOf(checks),
                metrics);
    }

    /**
     * A DJ script against /api/dj/sessions, one turn per step. A step that gets no proper answer ends the script (the
     * steps after it would compare with nothing); the session is deleted at the end either way.
     */
    private CaseRun runDj(Suite.Case c, Suite.Variant variant, int repeat, ServiceClient client) {
        List<Turn> turns = new ArrayList<>();
        String session = null;
        String vibe = "";
        JsonNode previous = null; // the last segment
        Set<String> played = new HashSet<>();
        int pulls = 0;
        boolean closed = false;
        for (int i = 0; i < c.dj().size(); i++) {
            Turn turn = switch (c.dj().get(i)) {
                case Suite.DjStep.Open open -> {
                    ObjectNode body = open.body().deepCopy();
                    if (variant.promptTemplate() != null && body.hasNonNull("prompt")) {
                        body.put(
                                "prompt",
                                variant.promptTemplate()
                                        .replace("{prompt}", body.get("prompt").asText()));
                    }
                    ServiceClient.Reply reply = client.post(DJ_SESSIONS, body);
                    session = reply.status() == 201
                            ? DJ_SESSIONS + "/" + encode(reply.body().path("id").asText())
                            : null;
                    vibe = body.path("prompt").asText("");
                    yield djTurn(i, "open", vibe, body, reply, 201, List.of());
                }
                case Suite.DjStep.Pull pull -> {
                    ServiceClient.Reply reply = client.get(session + "/next");
                    List<Check> checks = new ArrayList<>();
                    if (reply.ok()) {
                        Expect expect = pull.expect();
                        checks.addAll(playlistShape(reply.body()));
                        checks.addAll(Checks.evaluate(expect, reply.body(), reply.ms(), judge, vibe));
                        checks.addAll(Checks.dj(expect, reply.body(), previous, played));
                        if (Boolean.TRUE.equals(expect.knownTrackIds())) {
                            checks.add(knownTrackIds(reply.body(), client));
                        }
                        reply.body()
                                .path("tracks")
                                .forEach(t -> played.add(t.path("id").asText()));
                        previous = reply.body();
                    }
                    yield djTurn(i, "pull " + ++pulls, "", null, reply, 200, checks);
                }
                case Suite.DjStep.Request request -> {
                    ObjectNode body = Json.JSON.createObjectNode().put("text", request.text());
                    yield djTurn(
                            i,
                            "request",
                            request.text(),
                            body,
                            client.post(session + "/requests", body),
                            202,
                            List.of());
                }
                case Suite.DjStep.Feedback feedback -> {
                    JsonNode tracks = previous == null ? Json.JSON.createArrayNode() : previous.path("tracks");
                    String trackId = switch (feedback.track()) {
                        case "first" -> tracks.path(0).path("id").asText();
                        case "last" -> tracks.path(tracks.size() - 1).path("id").asText();
                        default -> feedback.track();
                    };
                    ObjectNode body =
                            Json.JSON.createObjectNode().put("trackId", trackId).put("type", feedback.type());
                    yield djTurn(
                            i,
                            "feedback",
                            feedback.type() + " " + trackId,
                            body,
                            client.post(session + "/feedback", body),
                            202,
                            List.of());
                }
                case Suite.DjStep.Close close -> {
                    closed = true;
                    yield djTurn(i, "close", "", null, client.delete(session), 204, List.of());
                }
            };
            turns.add(turn);
            if (session == null || turn.checks().get(0).status() == Status.FAIL) {
                break;
            }
        }
        if (session != null && !closed) {
            turns.add(
                    djTurn(turns.size(), "close", "(end of the script)", null, client.delete(session), 204, List.of()));
        }
        boolean failed = turns.stream().flatMap(t -> t.checks().stream()).anyMatch(ch -> ch.status() == Status.FAIL);
        return new CaseRun(
                c.id(),
                variant.name(),
                repeat,
                failed ? Status.FAIL : Status.PASS,
                null,
                c.knownIssue(variant.name()),
                c.labels(),
                List.copyOf(turns));
    }

    /** A DJ step's turn: first the answer itself (the status the API documents), then the step's own checks. */
    private static Turn djTurn(
            int index,
            String step,
            String text,
            JsonNode request,
            ServiceClient.Reply reply,
            int expected,
            List<Check> more) {
        boolean answered = reply.status() == expected && (expected == 204 || reply.ok());
        String interpretation =
                reply.body() == null ? "" : reply.body().path("interpretation").asText("");
        List<Check> checks = new ArrayList<>();
        checks.add(
                answered
                        ? Check.pass(
                                "response",
                                "HTTP " + reply.status() + (interpretation.isEmpty() ? "" : ": " + interpretation),
                                null)
                        : Check.fail("response", reply.detail() + ", expected HTTP " + expected, null));
        checks.addAll(more);
        return new Turn(
                index,
                step,
                text,
                request,
                reply.status(),
                round(reply.ms()),
                reply.body(),
                List.copyOf(checks),
                metricsOf(checks));
    }

    /** The per-turn metrics that checks measure: tag precision and the judge's score. */
    private static Map<String, Double> metricsOf(List<Check> checks) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Check check : checks) {
            if (check.name().equals("tags") && check.value() != null) {
                metrics.put("tag_precision", check.value());
            }
            if (check.name().equals("llm_rubric") && check.value() != null) {
                metrics.put("rubric_score", check.value());
            }
        }
        return metrics;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every track id is one the catalog serves (GET /api/tracks/{id}): nothing invented, nothing injected. */
    private static Check knownTrackIds(JsonNode playlist, ServiceClient client) {
        List<String> unknown = new ArrayList<>();
        for (JsonNode t : playlist.path("tracks")) {
            String id = t.path("id").asText();
            String path = "/api/tracks/" + encode(id);
            if (client.get(path).status() != 200) {
                unknown.add(id);
            }
        }
        return Check.of(
                "known_track_ids",
                unknown.isEmpty(),
                unknown.isEmpty()
                        ? "all " + playlist.path("tracks").size() + " ids are catalog tracks"
                        : "unknown ids: " + unknown,
                null);
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
                return List.of(Check.fail(
                        "playlist",
                        "track " + (i + 1) + " has position " + t.path("position") + " and id " + t.path("id"),
                        null));
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
        String status =
                run.status() == Status.SKIP ? "skip" : run.status().name().toLowerCase(Locale.ROOT);
        synchronized (log) {
            log.printf(
                    "[%d/%d] %-4s %s / %s%s%n",
                    done,
                    total,
                    status,
                    run.variant(),
                    run.caseId(),
                    run.status() != Status.FAIL
                            ? ""
                            : (run.knownIssue() != null ? "  (known issue) " : "  — ") + firstFailure(run));
        }
    }

    static String firstFailure(CaseRun run) {
        for (Turn t : run.turns()) {
            for (Check c : t.checks()) {
                if (c.status() == Status.FAIL) {
                    return (t.step() == null ? "" : t.step() + ": ") + c.name() + ": " + c.detail();
                }
            }
        }
        return "";
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
