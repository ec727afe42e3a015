package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a provider asked us to wait, from whichever way it says so: {@code retry-after-ms}, {@code Retry-After}
 * (seconds or an HTTP date), OpenAI's and Groq's {@code x-ratelimit-reset-*} ("6m0s"), Anthropic's
 * {@code anthropic-ratelimit-*-reset} (a time), Gemini's {@code RetryInfo.retryDelay} and OpenRouter's
 * {@code X-RateLimit-Reset} (epoch milliseconds) in the body. Of the per-limit resets, those of a limit that is used
 * up count; when none says which, the latest.
 */
final class RetryHints {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final String[] LIMITS = {"requests", "tokens", "input-tokens", "output-tokens"};

    private RetryHints() {}

    static Optional<Duration> of(Map<String, List<String>> headers, JsonNode body, Instant now) {
        Function<String, String> header = name -> header(headers, name);
        Duration explicit = firstOf(
                millis(header.apply("retry-after-ms")),
                retryAfter(header.apply("retry-after"), now),
                duration(body.at("/error/details").findPath("retryDelay").asText(null)),
                epoch(
                        body.at("/error/metadata/headers")
                                .path("X-RateLimit-Reset")
                                .asText(null),
                        now));
        if (explicit != null) {
            return Optional.of(explicit);
        }
        List<Duration> used = new ArrayList<>();
        List<Duration> all = new ArrayList<>();
        for (String limit : LIMITS) {
            Duration openAi = resetValue(header.apply("x-ratelimit-reset-" + limit), now);
            Duration anthropic = rfc3339(header.apply("anthropic-ratelimit-" + limit + "-reset"), now);
            String openAiLeft = header.apply("x-ratelimit-remaining-" + limit);
            String anthropicLeft = header.apply("anthropic-ratelimit-" + limit + "-remaining");
            collect(openAi, openAiLeft, used, all);
            collect(anthropic, anthropicLeft, used, all);
        }
        List<Duration> relevant = used.isEmpty() ? all : used;
        return relevant.stream().max(Duration::compareTo);
    }

    private static void collect(Duration reset, String remaining, List<Duration> used, List<Duration> all) {
        if (reset == null) {
            return;
        }
        all.add(reset);
        if ("0".equals(remaining == null ? null : remaining.strip())) {
            used.add(reset);
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = seconds(value);
        if (seconds != null) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return until(at, now);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** A reset as OpenAI writes it ("1s", "6m0s", "20ms"), as seconds, or as an epoch time. */
    private static Duration resetValue(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration epoch = epoch(value, now);
        return epoch != null ? epoch : firstOf(duration(value), seconds(value));
    }

    /** A Go-style duration ("1h2m3.5s", "34.4s", "20ms"); null when it is not one. */
    static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher part = GO_DURATION.matcher(text);
        double millis = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double n = Double.parseDouble(part.group(1));
            millis += switch (part.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
            end = part.end();
        }
        return end == text.length() && end > 0 ? Duration.ofMillis(Math.round(millis)) : null;
    }

    /** Epoch seconds or milliseconds (a value too large to be a wait); null otherwise. */
    private static Duration epoch(String value, Instant now) {
        if (value == null || !value.strip().matches("\\d{10,13}")) {
            return null;
        }
        long n = Long.parseLong(value.strip());
        return until(n >= 1_000_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n), now);
    }

    private static Duration rfc3339(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return until(OffsetDateTime.parse(value.strip()).toInstant(), now);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Duration seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Duration millis(String value) {
        Duration asSeconds = value == null ? null : seconds(value);
        // seconds() read the number as seconds; it was milliseconds
        return asSeconds == null ? null : Duration.ofNanos(asSeconds.toNanos() / 1000);
    }

    private static Duration until(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration firstOf(Duration... candidates) {
        for (Duration d : candidates) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null
                        && e.getKey().equalsIgnoreCase(name)
                        && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
