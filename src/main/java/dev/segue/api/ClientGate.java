package dev.segue.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.segue.config.SegueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who may change things and how often, for every way in (the HTTP API and the MCP server): writes need an API key
 * when keys are configured; every client (its key, else its address) gets a token bucket of
 * {@code requests-per-minute}. Keys are compared in constant time, never logged, and a client is known by its key's
 * SHA-256, never by the key.
 */
@ApplicationScoped
public class ClientGate {

    private static final int MAX_CLIENTS = 100_000;
    /** A bucket left alone this long is full again (it refills in a minute): forgetting it changes nothing. */
    private static final Duration IDLE = Duration.ofMinutes(2);

    private final SegueConfig config;

    /** Buckets by client, at most MAX_CLIENTS of them, so a flood of addresses cannot grow memory without bound. */
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(IDLE)
            .build();

    ClientGate(SegueConfig config) {
        this.config = config;
    }

    /** Why a write with this key (null when none was sent) is refused, or empty when it may go ahead. */
    public Optional<String> refusedWrite(String key) {
        List<String> keys = config.security().apiKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .toList();
        if (keys.isEmpty() || (key != null && keys.stream().anyMatch(k -> equal(k, key)))) {
            return Optional.empty();
        }
        return Optional.of(
                key == null
                        ? "this server needs an API key for changes: send it as X-API-Key or Authorization: Bearer"
                        : "that API key is not valid");
    }

    /**
     * Takes a request from the client's bucket: 0 when it may go ahead, else the seconds to wait (with the detail of
     * the 429 that says so, {@link #tooMany}).
     */
    public long secondsToWait(String key, String address) {
        int perMinute = config.security().requestsPerMinute();
        if (perMinute <= 0) {
            return 0;
        }
        String client = key != null ? "key:" + sha256(key) : "addr:" + address;
        double wait = buckets.get(client, c -> new TokenBucket(perMinute)).take();
        return wait > 0 ? Math.max(1, (long) Math.ceil(wait)) : 0;
    }

    /** What a client that must wait this long is told. */
    public String tooMany(long seconds) {
        return "too many requests from this client; the limit is "
                + config.security().requestsPerMinute() + " a minute, try again in " + seconds + " s";
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
