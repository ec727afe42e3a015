package dev.segue.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged service (../target/quarkus-app, built by the root build, which runs first), started once for every gate
 * test of this build, on a data dir under target/, with the settings the service's own tests use; it stops when the
 * test JVM exits.
 */
final class PackagedService {

    static final Path JAR = Path.of("..", "target", "quarkus-app", "quarkus-run.jar");
    static final Path DATA_DIR = Path.of("target", "gate-data");
    private static final Path LOG = Path.of("target", "gate-service.log");
    // The service's %test settings: DJ segments planned at once, no rate limit for a runner sending 4 requests at a
    // time.
    private static final Map<String, String> SETTINGS =
            Map.of("SEGUE_DJ_PACE", "0.0005", "SEGUE_SECURITY_REQUESTS_PER_MINUTE", "0");
    // A system property, not a field: Quarkus loads test classes in its own class loader, and may do so again.
    private static final String URL_PROPERTY = "segue.evals.gate-service-url";

    private PackagedService() {}

    static synchronized String url() throws IOException, InterruptedException {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            warmIndex(DATA_DIR);
            LocalService.Spec spec = new LocalService.Spec(JAR, DATA_DIR, Suite.CatalogSpec.DEMO, SETTINGS, LOG);
            url = LocalService.start(spec, Duration.ofMinutes(5), new PrintWriter(System.out, true))
                    .url();
            System.setProperty(URL_PROPERTY, url);
        }
        return url;
    }

    /**
     * Starts from the index the service's own tests built of the same demo catalog (../target/test-data), when there
     * is one: that saves embedding 11,565 tracks again.
     */
    static void warmIndex(Path dataDir) throws IOException {
        IndexSeed.copyIfAbsent(Path.of("..", "target", "test-data", "index"), dataDir);
    }
}
