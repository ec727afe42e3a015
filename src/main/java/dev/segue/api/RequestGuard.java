package dev.segue.api;

import dev.segue.config.SegueConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call the API and how often. Write methods need an API key when keys are configured; every client (its key,
 * else its address) gets a token bucket of {@code requests-per-minute}, and past it a 429 with Retry-After. Keys are
 * compared in constant time and never logged.
 */
public class RequestGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_CLIENTS = 100_000;

    private final SegueConfig config;

    RequestGuard(SegueConfig config) {
        this.config = config;
    }

    /** Buckets by client, least recently used evicted, so a flood of addresses cannot grow memory without bound. */
    private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    @ServerRequestFilter(priority = 10)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        String key = presentedKey(request);
        List<String> keys = config.security().apiKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .toList();
        if (!keys.isEmpty() && WRITES.contains(request.getMethod())) {
            if (key == null || keys.stream().noneMatch(k -> equal(k, key))) {
                return Response.fromResponse(ProblemMappers.problem(
                                401,
                                key == null
                                        ? "this server needs an API key for changes: send it as X-API-Key or Authorization: Bearer"
                                        : "that API key is not valid",
                                List.of(),
                                request.getUriInfo()))
                        .header("WWW-Authenticate", "Bearer")
                        .build();
            }
        }
        int perMinute = config.security().requestsPerMinute();
        if (perMinute > 0) {
            String client = key != null ? "key:" + key.hashCode() : "addr:" + address(http);
            double wait = take(client, perMinute);
            if (wait > 0) {
                long seconds = Math.max(1, (long) Math.ceil(wait));
                return Response.fromResponse(ProblemMappers.problem(
                                429,
                                "too many requests from this client; the limit is " + perMinute
                                        + " a minute, try again in " + seconds + " s",
                                List.of(),
                                request.getUriInfo()))
                        .header("Retry-After", seconds)
                        .build();
            }
        }
        return null;
    }

    /** Takes a token; returns 0 when there was one, else the seconds until there will be. */
    private double take(String client, int perMinute) {
        double rate = perMinute / 60.0;
        double now = System.nanoTime() / 1e9;
        synchronized (buckets) {
            double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {perMinute, now});
            bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * rate);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return 0;
            }
            return (1 - bucket[0]) / rate;
        }
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String auth = request.getHeaderString("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return null;
    }

    private static String address(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null
                ? "unknown"
                : http.remoteAddress().hostAddress();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
