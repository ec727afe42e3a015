package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers create playlists, refine them, open DJ sessions and send requests while the service is killed with
 * kill -9 at a random moment; after a restart every change acknowledged with 201/200/202 must be there. Before the
 * kill, any other answer or any exception fails the test: only what was in flight at the kill may be lost. Runs on
 * the embedded H2 database and, when SEGUE_TEST_POSTGRES_URL is set (.ci/run starts one), on PostgreSQL.
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROMPTS = {"calm piano", "energetic rock", "sad jazz", "happy summer pop", "epic"};

    @TempDir
    Path dataDir;

    private final Map<String, Integer> playlists = new ConcurrentHashMap<>(); // id -> highest acknowledged version
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<String> noPiano = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean killed = new AtomicBoolean();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void everythingAcknowledgedSurvivesAKillUnderLoad(String database) throws Exception {
        List<String> dbArgs = database.equals("h2") ? List.of() : ServiceProcess.postgresArgs();
        Assumptions.assumeTrue(dbArgs != null, "no PostgreSQL for tests (set SEGUE_TEST_POSTGRES_URL; .ci/run does)");
        try (ServiceProcess service = new ServiceProcess(dataDir, dbArgs)) {
            service.start();
            for (int warm = 0; warm < 3; warm++) { // the first requests warm the JIT; the kill should hit steady work
                assertEquals(
                        201,
                        service.post("/api/playlists", "{\"prompt\":\"warm up\",\"length\":5}")
                                .statusCode());
            }
            loadThenKill(service);
            assertTrue(failures.isEmpty(), "before the kill: " + failures);
            assertTrue(
                    playlists.size() >= 8 && !sessions.isEmpty(),
                    "the load did some work: " + playlists.size() + " playlists, " + sessions.size() + " sessions");
            service.start();
            assertEverythingAcknowledgedIsThere(service);
            System.out.printf(
                    "durability (%s): %d playlists, %d sessions, %d requests acknowledged before kill -9; all present%n",
                    database, playlists.size(), sessions.size(), noPiano.size());
        }
    }

    private void loadThenKill(ServiceProcess service) throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            Random random = new Random(w);
            writers.submit(() -> {
                while (!killed.get()) {
                    try {
                        write(service, random);
                    } catch (Exception e) {
                        if (!killed.get()) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
        }
        // Kill at a random moment once real work is under way (the pace depends on the machine).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((playlists.size() < 8 || sessions.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(new Random().nextInt(1500));
        killed.set(true);
        service.kill();
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
    }

    /** One random change; an answer other than the expected one before the kill is a failure. */
    private void write(ServiceProcess service, Random random) throws IOException, InterruptedException {
        switch (random.nextInt(4)) {
            case 0 -> {
                String prompt = PROMPTS[random.nextInt(PROMPTS.length)];
                HttpResponse<String> r =
                        service.post("/api/playlists", "{\"prompt\":\"" + prompt + "\",\"length\":10}");
                if (expect(201, r)) {
                    playlists.merge(JSON.readTree(r.body()).get("id").asText(), 1, Math::max);
                }
            }
            case 1 -> {
                String id = any(List.copyOf(playlists.keySet()), random);
                if (id != null) {
                    HttpResponse<String> r =
                            service.post("/api/playlists/" + id + "/refine", "{\"prompt\":\"more upbeat\"}");
                    if (expect(200, r)) {
                        playlists.merge(
                                id, JSON.readTree(r.body()).get("version").asInt(), Math::max);
                    }
                }
            }
            case 2 -> {
                HttpResponse<String> r = service.post("/api/dj/sessions", "{\"prompt\":\"chill\"}");
                if (expect(201, r)) {
                    sessions.add(JSON.readTree(r.body()).get("id").asText());
                }
            }
            default -> {
                String id = any(sessions, random);
                if (id != null
                        && expect(
                                202,
                                service.post("/api/dj/sessions/" + id + "/requests", "{\"text\":\"no more piano\"}"))) {
                    noPiano.add(id);
                }
            }
        }
    }

    private boolean expect(int status, HttpResponse<String> response) {
        if (response.statusCode() == status) {
            return true;
        }
        if (!killed.get()) {
            failures.add(response.request().uri().getPath() + ": " + response.statusCode() + " " + response.body());
        }
        return false;
    }

    private static String any(List<String> ids, Random random) {
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    private void assertEverythingAcknowledgedIsThere(ServiceProcess service) throws Exception {
        for (Map.Entry<String, Integer> p : playlists.entrySet()) {
            HttpResponse<String> r = service.get("/api/playlists/" + p.getKey());
            assertEquals(200, r.statusCode(), "acknowledged playlist " + p.getKey() + " lost");
            assertTrue(
                    JSON.readTree(r.body()).get("version").asInt() >= p.getValue(),
                    "acknowledged version " + p.getValue() + " of " + p.getKey() + " lost");
        }
        for (String id : sessions) {
            assertEquals(200, service.get("/api/dj/sessions/" + id).statusCode(), "acknowledged DJ session lost");
        }
        for (String id : noPiano) {
            JsonNode s = JSON.readTree(service.get("/api/dj/sessions/" + id).body());
            assertTrue(s.get("excludeTags").toString().contains("piano"), "acknowledged request lost in " + id);
        }
    }
}
