package dev.segue.eval.recording;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --record DIR}: the local Segue calls its provider through a {@link RecordingProxy}, then DIR is written. */
final class RecordSession implements ProviderSession {

    private final Path dir;
    private final RecordingProxy proxy;
    private final String baseUrl;
    private final Map<String, String> settings;

    private RecordSession(Path dir, RecordingProxy proxy, String baseUrl, Map<String, String> settings) {
        this.dir = dir;
        this.proxy = proxy;
        this.baseUrl = baseUrl;
        this.settings = settings;
    }

    static RecordSession start(Path dir, Map<String, String> environment) throws IOException {
        String provider = environment.get(BASE_URL);
        if (provider == null || provider.isBlank()) {
            throw new IOException("--record needs a provider to record: set " + BASE_URL
                    + " (and SEGUE_LLM_MODEL, SEGUE_LLM_API_KEY, ...) as for ./segue, see README \"Using an LLM\"");
        }
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (ProviderSession.shapesRequests(name)) {
                settings.put(name, value);
            }
        });
        return new RecordSession(dir, RecordingProxy.start(provider.strip()), withoutCredentials(provider), settings);
    }

    /** Scheme, host, port and path: no user info, no query (where some providers take a key). */
    private static String withoutCredentials(String url) {
        URI u = URI.create(url.strip());
        String port = u.getPort() < 0 ? "" : ":" + u.getPort();
        return u.getScheme() + "://" + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    @Override
    public Map<String, String> serviceSettings() {
        return Map.of(BASE_URL, proxy.baseUrl());
    }

    @Override
    public Outcome finish(String suite, List<String> variants) throws IOException {
        List<Exchange> exchanges = proxy.exchanges();
        if (exchanges.isEmpty()) {
            return new Outcome(
                    List.of("nothing recorded: no request reached the provider (did the run include an LLM variant?);"
                            + " " + dir + " is left as it was"),
                    false);
        }
        String now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Recording.Manifest manifest =
                new Recording.Manifest(Recording.FORMAT, suite, variants, now, baseUrl, settings, exchanges.size());
        new Recording(manifest, exchanges).write(dir);
        long failed =
                exchanges.stream().filter(e -> e.response().status() >= 400).count();
        return new Outcome(
                List.of("recorded " + exchanges.size() + " provider exchanges to " + dir
                        + (failed == 0 ? "" : " (" + failed + " of them errors, recorded as they came)")),
                false);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
