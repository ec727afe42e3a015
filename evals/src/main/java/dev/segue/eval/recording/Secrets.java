package dev.segue.eval.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a recording must never hold: credential headers (Authorization, x-api-key, x-goog-api-key, cookies, ...) and
 * query parameters (key=, api_key=), and their values wherever else they appear (a provider may echo a key back in an
 * error message). Also which headers are about the transport rather than the exchange, and are neither
 * forwarded nor kept.
 */
final class Secrets {

    static final String REMOVED = "<removed>";

    // Names ending in -key, -token, ... (x-api-key, x-goog-api-key, x-auth-token), but not rate-limit headers that
    // merely mention tokens (x-ratelimit-remaining-tokens, anthropic-ratelimit-tokens-reset).
    private static final Pattern CREDENTIAL = Pattern.compile("authorization|proxy-authorization|cookie|set-cookie"
            + "|openai-organization|openai-project|(.*[-_])?(api[-_]?key|key|token|access[-_]token|secret|password)");

    private static final Set<String> TRANSPORT = Set.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "accept-encoding",
            "date",
            "user-agent");

    private final List<String> values = new ArrayList<>();

    static boolean isCredential(String name) {
        return CREDENTIAL.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * About the transport, not the exchange: neither forwarded nor kept (the proxy's own connection and length; it
     * asks the provider for an unencoded body; the date and client name change with every run).
     */
    static boolean isTransport(String name) {
        return TRANSPORT.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Remembers the values of the credential headers, so they can be blanked out of bodies too. */
    Secrets learnHeaders(Map<String, List<String>> headers) {
        headers.forEach((name, list) -> {
            if (isCredential(name)) {
                list.forEach(this::learn);
            }
        });
        return this;
    }

    private void learn(String value) {
        String v = value.strip();
        if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            v = v.substring(7).strip();
        }
        if (v.length() >= 4) {
            values.add(v);
        }
    }

    String scrub(String text) {
        String out = text;
        for (String v : values) {
            out = out.replace(v, REMOVED);
        }
        return out;
    }

    /** The path with its query, without credential parameters (whose values are learnt, then dropped). */
    String path(String rawPath, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawPath;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            if (isCredential(name)) {
                learn(eq < 0 ? "" : parameter.substring(eq + 1));
            } else {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? rawPath : rawPath + "?" + String.join("&", kept);
    }

    /** The headers a recording keeps: lower-case names in order, no credentials, nothing about the transport, values scrubbed. */
    Map<String, String> recordable(Map<String, List<String>> headers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, list) -> {
            if (name != null && !name.startsWith(":") && !isCredential(name) && !isTransport(name)) {
                kept.merge(name.toLowerCase(Locale.ROOT), scrub(String.join(", ", list)), (a, b) -> a + ", " + b);
            }
        });
        return kept;
    }
}
