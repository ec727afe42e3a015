import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small AI-DJ client: opens a session, listens to its Server-Sent Events and prints each segment (intro and
 * tracks); with --request it sends a request after the second segment. With --bench N it instead times N calls to
 * GET /next and writes p50/p95 to target/bench/.
 *
 *   java tools/dj/DjClient.java [--url http://localhost:8080] [--vibe "late night jazz"] [--segments 4]
 *                               [--request "more energy"] [--bench 100]
 */
public class DjClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8080";
        String vibe = "late night chill electronic";
        String request = null;
        int segments = 4;
        int bench = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i].replaceAll("/$", "");
                case "--vibe" -> vibe = args[++i];
                case "--request" -> request = args[++i];
                case "--segments" -> segments = Integer.parseInt(args[++i]);
                case "--bench" -> bench = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: java tools/dj/DjClient.java [--url U] [--vibe V] [--segments N] [--request R] [--bench N]");
                    System.exit(2);
                }
            }
        }
        String session = post(url + "/api/dj/sessions", "{\"prompt\":" + quote(vibe) + ",\"minutes\":600}");
        String id = field(session, "id");
        System.out.println("session " + id + " — vibe: " + vibe);
        if (bench > 0) {
            bench(url, id, bench);
            return;
        }
        HttpRequest events = HttpRequest.newBuilder(URI.create(url + "/api/dj/sessions/" + id + "/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> stream = HTTP.send(events, HttpResponse.BodyHandlers.ofInputStream());
        int seen = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while (seen < segments && (line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "segment".equals(event)) {
                    seen++;
                    print(line.substring(5));
                    if (seen == 2 && request != null) {
                        System.out.println("  >> request \"" + request + "\": "
                                + field(post(url + "/api/dj/sessions/" + id + "/requests", "{\"text\":" + quote(request) + "}"),
                                        "interpretation"));
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        }
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/dj/sessions/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        System.exit(0);
    }

    private static void bench(String url, String id, int n) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/dj/sessions/" + id + "/next"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - start) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /next answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= Math.min(10, n / 5)) {
                ms.add(took); // the first calls warm the JIT
            }
        }
        Collections.sort(ms);
        String report = String.format(Locale.ROOT, "| DJ segment planning (GET /next, %d calls after warm-up) | p50 %.1f ms | p95 %.1f ms | max %.1f ms |%n",
                ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
        System.out.print(report);
        Path out = Path.of("target", "bench", "dj-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("wrote " + out);
    }

    private static void print(String json) {
        System.out.printf("#%s  energy %s — %s%n", field(json, "segment"), field(json, "energy"), field(json, "intro"));
        Matcher m = Pattern.compile("\"title\":\"((?:[^\"\\\\]|\\\\.)*)\",\"artist\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            System.out.println("    " + m.group(1) + " — " + m.group(2));
        }
    }

    private static String post(String url, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** A top-level string or number field of a JSON object, without a JSON library. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+)").matcher(json);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(1)) : "?";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
