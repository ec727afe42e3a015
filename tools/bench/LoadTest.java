import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load and soak: N clients for D seconds on a mix of endpoints (create, read, refine, search, catalog, DJ next and
 * requests), recording errors, latency per endpoint, throughput and the service's memory (RSS) over time.
 *
 *   java tools/bench/LoadTest.java [--url http://localhost:8080] [--clients 50] [--duration 60] [--pid PID]
 *                                  [--label TEXT] [--out target/bench]
 *
 * Start the service without the per-client rate limit, since every client here shares one address:
 *   SEGUE_SECURITY_REQUESTS_PER_MINUTE=0 ./segue
 * A soak is the same with a long --duration (e.g. 1800).
 */
public class LoadTest {

    record Sample(String endpoint, int status, long nanos) {
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        int clients = 50;
        int seconds = 60;
        String pid = null;
        String label = "";
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i].replaceAll("/+$", "");
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--duration" -> seconds = Integer.parseInt(args[++i]);
                case "--pid" -> pid = args[++i];
                case "--label" -> label = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: java tools/bench/LoadTest.java [--url U] [--clients N] [--duration S] [--pid P] [--label T] [--out DIR]");
                    System.exit(2);
                }
            }
        }
        if (pid == null) {
            pid = findServicePid();
        }
        List<String> prompts = Files.readAllLines(Path.of("tools", "bench", "prompts.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(clients + 4)).build();
        String base = url;
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Map<String, Integer> ioErrors = new ConcurrentHashMap<>();
        List<String> playlists = new CopyOnWriteArrayList<>();
        List<long[]> rss = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        String servicePid = pid;
        Thread memory = new Thread(() -> {
            while (System.nanoTime() < end + TimeUnit.SECONDS.toNanos(1)) {
                long kb = rssKb(servicePid);
                if (kb > 0) {
                    rss.add(new long[] {(System.nanoTime() - start) / 1_000_000_000L, kb});
                }
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        memory.setDaemon(true);
        memory.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int seed = c;
            pool.submit(() -> {
                Random random = new Random(seed);
                String session = null;
                while (System.nanoTime() < end) {
                    try {
                        if (session == null) {
                            String body = send(http, samples, "POST /api/dj/sessions", base + "/api/dj/sessions",
                                    "{\"prompt\":" + quote(prompts.get(random.nextInt(prompts.size()))) + ",\"minutes\":600}");
                            session = firstId(body);
                            continue;
                        }
                        int roll = random.nextInt(100);
                        String prompt = prompts.get(random.nextInt(prompts.size()));
                        String known = playlists.isEmpty() ? null : playlists.get(random.nextInt(playlists.size()));
                        if (roll < 40 || known == null) {
                            String body = send(http, samples, "POST /api/playlists", base + "/api/playlists",
                                    "{\"prompt\":" + quote(prompt) + "}");
                            String id = firstId(body);
                            if (id != null) {
                                playlists.add(id);
                            }
                        } else if (roll < 55) {
                            send(http, samples, "GET /api/playlists/{id}", base + "/api/playlists/" + known, null);
                        } else if (roll < 65) {
                            send(http, samples, "POST /api/playlists/{id}/refine", base + "/api/playlists/" + known + "/refine",
                                    "{\"prompt\":" + quote(random.nextBoolean() ? "more upbeat" : "no piano") + "}");
                        } else if (roll < 75) {
                            send(http, samples, "GET /api/tracks/search", base + "/api/tracks/search?q="
                                    + java.net.URLEncoder.encode(prompt, java.nio.charset.StandardCharsets.UTF_8) + "&limit=20", null);
                        } else if (roll < 80) {
                            send(http, samples, "GET /api/catalog", base + "/api/catalog", null);
                        } else if (roll < 95) {
                            send(http, samples, "GET /api/dj/sessions/{id}/next", base + "/api/dj/sessions/" + session + "/next", null);
                        } else {
                            send(http, samples, "POST /api/dj/sessions/{id}/requests", base + "/api/dj/sessions/" + session
                                    + "/requests", "{\"text\":" + quote(random.nextBoolean() ? "more energy" : "switch it up") + "}");
                        }
                    } catch (IOException e) {
                        ioErrors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        String report = report(label, clients, seconds, wall, samples, ioErrors, rss, pid);
        System.out.print(report);
        Files.createDirectories(out);
        Path file = out.resolve("load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        System.out.println("wrote " + file);
        long errors = samples.stream().filter(s -> s.status() >= 400).count() + ioErrors.values().stream().mapToInt(i -> i).sum();
        System.exit(errors == 0 ? 0 : 1);
    }

    private static String send(HttpClient http, List<Sample> samples, String endpoint, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        samples.add(new Sample(endpoint, r.statusCode(), System.nanoTime() - t));
        return r.statusCode() < 300 ? r.body() : null;
    }

    private static String report(String label, int clients, int seconds, double wall, List<Sample> samples,
            Map<String, Integer> ioErrors, List<long[]> rss, String pid) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Segue load test, %s%s%n%n", LocalDateTime.now().withNano(0),
                label.isBlank() ? "" : " (" + label + ")"));
        out.append(String.format(Locale.ROOT, "%d clients for %d s (wall %.1f s): %,d requests, %.1f req/s, %d HTTP errors, %d I/O errors %s%n%n",
                clients, seconds, wall, samples.size(), samples.size() / wall,
                samples.stream().filter(s -> s.status() >= 400).count(), ioErrors.values().stream().mapToInt(i -> i).sum(),
                ioErrors.isEmpty() ? "" : ioErrors.toString()));
        out.append("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<Sample>> byEndpoint = new TreeMap<>();
        samples.forEach(s -> byEndpoint.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s));
        byEndpoint.put("(all)", new ArrayList<>(samples));
        byEndpoint.forEach((endpoint, list) -> {
            List<Long> ns = new ArrayList<>(list.stream().map(Sample::nanos).toList());
            Collections.sort(ns);
            out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f | %.1f | %.1f |%n", endpoint, list.size(),
                    list.stream().filter(s -> s.status() >= 400).count(), pct(ns, 50), pct(ns, 95), pct(ns, 99),
                    ns.isEmpty() ? 0 : ns.get(ns.size() - 1) / 1e6));
        });
        if (rss.isEmpty()) {
            out.append("\nMemory: not sampled (no --pid and no quarkus-run.jar process found)\n");
        } else {
            long first = rss.get(0)[1];
            long last = rss.get(rss.size() - 1)[1];
            long max = rss.stream().mapToLong(r -> r[1]).max().orElse(0);
            out.append(String.format(Locale.ROOT, "%nMemory (RSS of pid %s, every 5 s): start %,d MB, end %,d MB, max %,d MB%n",
                    pid, first / 1024, last / 1024, max / 1024));
        }
        return out.toString();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private static long rssKb(String pid) {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String findServicePid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(false))
                .map(p -> String.valueOf(p.pid())).findFirst().orElse(null);
    }

    private static String firstId(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
