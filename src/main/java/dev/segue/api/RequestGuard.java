package dev.segue.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.segue.config.SegueConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call the API and how often. Write methods need an API key when keys are configured; every client (its key,
 * else its address) gets a token bucket of {@code requests-per-minute}, and past it a 429 with Retry-After. Keys are
 * compared in constant time, never logged, and a client is known by its key's SHA-256, never by the key.
 */
public class RequestGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_CLIENTS = 100_000;
    /** A bucket left alone this long is full again (it refills in a minute): forgetting it changes nothing. */
    private static final Duration IDLE = Duration.ofMinutes(2);

    private final SegueConfig config;

    /** Buckets by client, at most MAX_CLIENTS of them, so a flood of addresses cannot grow memory without bound. */
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(IDLE)
            .build();

    RequestGuard(SegueConfig config) {
        this.config = config;
    }

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
            String client = key != null ? "key:" + sha256(key) : "addr:" + address(http);
            double wait = buckets.get(client, c -> new TokenBucket(perMinute)).take();
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

    private static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Holds up to perMinute tokens, refilled continuously at perMinute a minute. Ours because Resilience4j's RateLimiter
     * refills once per period (a burst at each period's start) and Bucket4j is not served here.
     */
    private static final class TokenBucket {

        private final int perMinute;
        private double tokens;
        private double lastSeconds = now();

        TokenBucket(int perMinute) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
        }

        /** Takes a token; returns 0 when there was one, else the seconds until there will be. */
        synchronized double take() {
            double rate = perMinute / 60.0;
            double seconds = now();
            tokens = Math.min(perMinute, tokens + (seconds - lastSeconds) * rate);
            lastSeconds = seconds;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }

        private static double now() {
            return System.nanoTime() / 1e9;
        }
    }
}
