import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Load benchmark for the Segue playlist API. JDK only; run with the source launcher:
 * {@code java tools/bench/Bench.java --help} (or {@code tools/bench/run --help}).
 */
public class Bench {

    static final String USAGE = """
            Usage: java tools/bench/Bench.java [options]   (or: tools/bench/run [options])

              --url URL          service base URL (default http://localhost:8080)
              --prompts FILE     one prompt per line, '#' comments and blank lines ignored
                                 (default tools/bench/prompts.txt)
              --rounds N         sequential phase: every prompt N times, one at a time (default 5)
              --concurrency C    concurrent phase: C worker threads (default 8)
              --requests M       concurrent phase: total requests (default 1000)
              --warmup N         unrecorded rounds over all prompts before measuring (default 2)
              --out DIR          where reports are written (default target/bench)
              --label TEXT       free text recorded in the report (git commit, planner, ...)
              --help             show this help

            A phase with 0 rounds / 0 requests is skipped.
            Exit codes: 0 ok, 1 some request failed (reports still written), 2 bad options / service not up.
            """;

    /** Fixed so that every run sends the same prompt order in the concurrent phase. */
    static final long SHUFFLE_SEED = 42L;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String TRACK_MARKER = "\"position\":";

    record Options(String url, Path prompts, int rounds, int concurrency, int requests, int warmup,
                   Path out, String label, List<String> args) {}

    /** One measured request; status is -1 and error holds the exception class when the send threw. */
    record Sample(long nanos, int status, String error, int tracks) {
        boolean ok() { return status == 201; }
        String outcome() { return error != null ? error : Integer.toString(status); }
    }

    /** Latencies in ms over successful (201) requests; NaN when there were none. */
    record PhaseStats(String name, int concurrency, int requests, int errors, Map<String, Integer> outcomes,
                      double p50, double p95, double p99, double max, double mean,
                      double wallSec, double throughput, double meanTracks) {}

    static final class BadOptions extends Exception {
        BadOptions(String msg) { super(msg); }
    }

    public static void main(String[] argv) throws Exception {
        Options o;
        List<String> prompts;
        try {
            o = parse(argv);
            if (o == null) { System.out.print(USAGE); return; }
            prompts = loadPrompts(o.prompts());
        } catch (BadOptions e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }

        // Sync send() still hands response processing to the client's executor: give it a thread per worker + spare.
        ExecutorService httpPool = Executors.newFixedThreadPool(o.concurrency() + 2,
                Thread.ofPlatform().daemon().name("bench-http-", 0).factory());
        int exit;
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(httpPool)
                .build()) {
            String notReady = checkReady(client, o.url());
            if (notReady != null) {
                System.err.println("bench: service not up at " + o.url() + ": " + notReady);
                System.err.println("Start it first (./segue in another terminal) or pass --url.");
                System.exit(2);
                return;
            }
            exit = run(client, o, prompts);
        } finally {
            httpPool.shutdownNow();
        }
        System.exit(exit);
    }

    static int run(HttpClient client, Options o, List<String> prompts) throws Exception {
        URI endpoint = URI.create(o.url() + "/api/playlists");
        OffsetDateTime started = OffsetDateTime.now();
        System.out.printf("Segue bench: %s, %d prompts, warmup %d, rounds %d, concurrency %d, requests %d%n",
                o.url(), prompts.size(), o.warmup(), o.rounds(), o.concurrency(), o.requests());

        // Warm-up lets the JIT, connection pools and caches settle so the measured phases compare across runs.
        int warmupErrors = 0;
        for (int r = 0; r < o.warmup(); r++)
            for (String p : prompts)
                if (!send(client, endpoint, p).ok()) warmupErrors++;
        if (o.warmup() > 0)
            System.out.printf("warmup: %d requests, %d errors (not recorded)%n", o.warmup() * prompts.size(), warmupErrors);

        List<PhaseStats> phases = new ArrayList<>();
        if (o.rounds() > 0) phases.add(sequential(client, endpoint, o, prompts));
        if (o.requests() > 0) phases.add(concurrent(client, endpoint, o, prompts));

        printTable(phases);
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(o.out());
        Path json = o.out().resolve("bench-" + stamp + ".json");
        Path md = o.out().resolve("bench-" + stamp + ".md");
        String markdown = markdown(o, prompts.size(), started, phases);
        Files.writeString(json, json(o, prompts.size(), started, warmupErrors, phases));
        Files.writeString(md, markdown);
        Files.writeString(o.out().resolve("latest.md"), markdown);
        System.out.println("wrote " + json + ", " + md + ", " + o.out().resolve("latest.md"));

        int errors = phases.stream().mapToInt(PhaseStats::errors).sum();
        if (errors > 0) System.err.println("bench: " + errors + " request(s) failed");
        return errors > 0 ? 1 : 0;
    }

    // ---- phases ----

    static PhaseStats sequential(HttpClient client, URI endpoint, Options o, List<String> prompts) throws Exception {
        int total = o.rounds() * prompts.size();
        System.out.printf("sequential: %d requests...%n", total);
        List<Sample> samples = new ArrayList<>(total);
        long t0 = System.nanoTime();
        for (int r = 0; r < o.rounds(); r++)
            for (String p : prompts) samples.add(send(client, endpoint, p));
        return stats("sequential", 1, samples, System.nanoTime() - t0);
    }

    static PhaseStats concurrent(HttpClient client, URI endpoint, Options o, List<String> prompts) throws Exception {
        System.out.printf("concurrent: %d requests on %d workers...%n", o.requests(), o.concurrency());
        List<String> cycle = new ArrayList<>(prompts);
        Collections.shuffle(cycle, new Random(SHUFFLE_SEED));
        AtomicInteger next = new AtomicInteger();
        // Each worker keeps its own list; Future.get() makes them safely visible to this thread.
        Callable<List<Sample>> worker = () -> {
            List<Sample> mine = new ArrayList<>();
            for (int i; (i = next.getAndIncrement()) < o.requests(); )
                mine.add(send(client, endpoint, cycle.get(i % cycle.size())));
            return mine;
        };
        List<Sample> samples = new ArrayList<>(o.requests());
        long t0 = System.nanoTime();
        long wall;
        try (ExecutorService workers = Executors.newFixedThreadPool(o.concurrency(),
                Thread.ofPlatform().name("bench-worker-", 0).factory())) {
            List<Future<List<Sample>>> futures = workers.invokeAll(Collections.nCopies(o.concurrency(), worker));
            wall = System.nanoTime() - t0;
            for (Future<List<Sample>> f : futures) {
                try { samples.addAll(f.get()); }
                catch (ExecutionException e) { throw new IllegalStateException("worker failed", e.getCause()); }
            }
        }
        return stats("concurrent", o.concurrency(), samples, wall);
    }

    /** Latency covers send + reading the whole body; building the request is outside the clock. */
    static Sample send(HttpClient client, URI endpoint, String prompt) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":" + quote(prompt) + "}"))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            int tracks = resp.statusCode() == 201 ? count(resp.body(), TRACK_MARKER) : 0;
            return new Sample(nanos, resp.statusCode(), null, tracks);
        } catch (IOException e) {
            return new Sample(System.nanoTime() - t0, -1, e.getClass().getSimpleName(), 0);
        }
    }

    /** Returns null when ready, otherwise why not. */
    static String checkReady(HttpClient client, String url) throws InterruptedException {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            return resp.statusCode() == 200 ? null
                    : "GET /q/health/ready returned " + resp.statusCode() + " " + resp.body().strip();
        } catch (IOException e) {
            return "GET /q/health/ready failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")";
        }
    }

    // ---- statistics ----

    static PhaseStats stats(String name, int concurrency, List<Sample> samples, long wallNanos) {
        long[] ok = samples.stream().filter(Sample::ok).mapToLong(Sample::nanos).sorted().toArray();
        Map<String, Integer> outcomes = new TreeMap<>();
        samples.forEach(s -> outcomes.merge(s.outcome(), 1, Integer::sum));
        int errors = (int) samples.stream().filter(s -> !s.ok()).count();
        double mean = ok.length == 0 ? Double.NaN : Arrays.stream(ok).average().orElseThrow() / 1e6;
        double meanTracks = samples.stream().filter(Sample::ok).mapToInt(Sample::tracks).average().orElse(Double.NaN);
        double wallSec = wallNanos / 1e9;
        return new PhaseStats(name, concurrency, samples.size(), errors, outcomes,
                percentile(ok, 50), percentile(ok, 95), percentile(ok, 99),
                ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, mean,
                wallSec, samples.size() / wallSec, meanTracks);
    }

    /** Nearest-rank percentile in ms: the smallest value with at least p% of samples at or below it. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    // ---- output ----

    static void printTable(List<PhaseStats> phases) {
        String fmt = "%-11s %5s %8s %7s %9s %9s %9s %9s %9s %9s %7s%n";
        System.out.println();
        System.out.printf(fmt, "phase", "conc", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms", "req/s", "tracks");
        for (PhaseStats p : phases) {
            System.out.printf(fmt, p.name(), p.concurrency(), p.requests(), p.errors(), ms(p.p50()), ms(p.p95()),
                    ms(p.p99()), ms(p.max()), ms(p.mean()), fixed(p.throughput(), 1), fixed(p.meanTracks(), 1));
            if (p.errors() > 0) System.out.println("  outcomes: " + p.outcomes());
        }
        System.out.println();
    }

    static String markdown(Options o, int promptCount, OffsetDateTime started, List<PhaseStats> phases) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Segue benchmark, ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        if (o.label() != null) sb.append(" (").append(o.label()).append(")");
        sb.append("\n\n| Phase | Concurrency | Requests | Errors | p50 ms | p95 ms | p99 ms | max ms | mean ms | req/s | tracks/playlist |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseStats p : phases)
            sb.append("| ").append(String.join(" | ", p.name(), Integer.toString(p.concurrency()),
                    Integer.toString(p.requests()), Integer.toString(p.errors()), ms(p.p50()), ms(p.p95()), ms(p.p99()),
                    ms(p.max()), ms(p.mean()), fixed(p.throughput(), 1), fixed(p.meanTracks(), 1))).append(" |\n");
        sb.append("\nCommand: `").append(command(o)).append("` (").append(promptCount).append(" prompts, warm-up rounds: ")
                .append(o.warmup()).append(")  \n");
        sb.append("Client: Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs  \n");
        sb.append("Latency: send + full body read, nearest-rank percentiles over 201 responses.\n");
        for (PhaseStats p : phases)
            if (p.errors() > 0) sb.append("\nErrors in ").append(p.name()).append(": ").append(p.outcomes()).append('\n');
        return sb.toString();
    }

    static String json(Options o, int promptCount, OffsetDateTime started, int warmupErrors, List<PhaseStats> phases) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"timestamp\": ").append(quote(started.toString())).append(",\n");
        sb.append("  \"label\": ").append(o.label() == null ? "null" : quote(o.label())).append(",\n");
        sb.append("  \"command\": ").append(quote(command(o))).append(",\n");
        sb.append("  \"options\": {\"url\": ").append(quote(o.url()))
                .append(", \"prompts\": ").append(quote(o.prompts().toString()))
                .append(", \"promptCount\": ").append(promptCount)
                .append(", \"rounds\": ").append(o.rounds())
                .append(", \"concurrency\": ").append(o.concurrency())
                .append(", \"requests\": ").append(o.requests())
                .append(", \"warmup\": ").append(o.warmup())
                .append(", \"out\": ").append(quote(o.out().toString()))
                .append(", \"shuffleSeed\": ").append(SHUFFLE_SEED)
                .append(", \"requestTimeoutSec\": ").append(REQUEST_TIMEOUT.toSeconds()).append("},\n");
        sb.append("  \"client\": {\"javaVersion\": ").append(quote(System.getProperty("java.version")))
                .append(", \"javaVendor\": ").append(quote(System.getProperty("java.vendor")))
                .append(", \"os\": ").append(quote(System.getProperty("os.name")))
                .append(", \"osVersion\": ").append(quote(System.getProperty("os.version")))
                .append(", \"arch\": ").append(quote(System.getProperty("os.arch")))
                .append(", \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append("},\n");
        sb.append("  \"warmup\": {\"requests\": ").append(o.warmup() * promptCount)
                .append(", \"errors\": ").append(warmupErrors).append("},\n");
        sb.append("  \"latencyNote\": \"ms, send + full body read, nearest-rank percentiles over 201 responses\",\n");
        sb.append("  \"phases\": [");
        for (int i = 0; i < phases.size(); i++) {
            PhaseStats p = phases.get(i);
            String outcomes = p.outcomes().entrySet().stream()
                    .map(e -> quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", "));
            sb.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ").append(quote(p.name()))
                    .append(", \"concurrency\": ").append(p.concurrency())
                    .append(", \"requests\": ").append(p.requests())
                    .append(", \"errors\": ").append(p.errors())
                    .append(", \"outcomes\": {").append(outcomes).append('}')
                    .append(",\n     \"latencyMs\": {\"p50\": ").append(num(p.p50()))
                    .append(", \"p95\": ").append(num(p.p95()))
                    .append(", \"p99\": ").append(num(p.p99()))
                    .append(", \"max\": ").append(num(p.max()))
                    .append(", \"mean\": ").append(num(p.mean())).append('}')
                    .append(",\n     \"wallSeconds\": ").append(num(p.wallSec()))
                    .append(", \"throughputPerSec\": ").append(num(p.throughput()))
                    .append(", \"meanTracks\": ").append(num(p.meanTracks())).append('}');
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    /** The invocation as a reader can repeat it. */
    static String command(Options o) {
        return "tools/bench/run" + o.args().stream().map(a -> " " + (a.matches("[\\w./:=@,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'"))
                .collect(Collectors.joining());
    }

    static String ms(double v) { return fixed(v, 1); }

    static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** JSON has no NaN. */
    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    // ---- input ----

    /** Returns null for --help. Accepts "--opt value" and "--opt=value". */
    static Options parse(String[] argv) throws BadOptions {
        String url = "http://localhost:8080", prompts = "tools/bench/prompts.txt", out = "target/bench", label = null;
        int rounds = 5, concurrency = 8, requests = 1000, warmup = 2;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i], value = null;
            if (arg.equals("--help") || arg.equals("-h")) return null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) { value = arg.substring(eq + 1); arg = arg.substring(0, eq); }
            else if (i + 1 < argv.length) value = argv[++i];
            if (!arg.matches("--(url|prompts|rounds|concurrency|requests|warmup|out|label)"))
                throw new BadOptions("unknown option " + arg);
            if (value == null) throw new BadOptions(arg + " needs a value");
            switch (arg) {
                case "--url" -> url = value.replaceAll("/+$", "");
                case "--prompts" -> prompts = value;
                case "--out" -> out = value;
                case "--label" -> label = value;
                case "--rounds" -> rounds = intArg(arg, value, 0);
                case "--concurrency" -> concurrency = intArg(arg, value, 1);
                case "--requests" -> requests = intArg(arg, value, 0);
                case "--warmup" -> warmup = intArg(arg, value, 0);
                default -> throw new AssertionError(arg);
            }
        }
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null)
                throw new BadOptions("--url must be an http(s) URL, got " + url);
        } catch (IllegalArgumentException e) {
            throw new BadOptions("--url is not a valid URL: " + url);
        }
        return new Options(url, Path.of(prompts), rounds, concurrency, requests, warmup, Path.of(out), label, List.of(argv));
    }

    static int intArg(String name, String value, int min) throws BadOptions {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min) throw new BadOptions(name + " must be >= " + min + ", got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new BadOptions(name + " needs a whole number, got '" + value + "'");
        }
    }

    static List<String> loadPrompts(Path file) throws BadOptions {
        try {
            List<String> prompts = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
            if (prompts.isEmpty()) throw new BadOptions("no prompts in " + file);
            return prompts;
        } catch (IOException e) {
            throw new BadOptions("cannot read prompts file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
