package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * kill -9 at a random moment; after a restart every change acknowledged with 201/200/202 must be there. Runs on
 * the embedded H2 database and, when SEGUE_TEST_POSTGRES_URL is set (.ci/run starts one), on PostgreSQL.
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

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
            Map<String, Integer> playlists = new ConcurrentHashMap<>(); // id -> highest acknowledged version
            List<String> sessions = new CopyOnWriteArrayList<>();
            List<String> noPiano = new CopyOnWriteArrayList<>();
            AtomicBoolean killed = new AtomicBoolean();
            List<String> failures = new CopyOnWriteArrayList<>();
            String[] prompts = {"calm piano", "energetic rock", "sad jazz", "happy summer pop", "epic orchestral"};
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.submit(() -> {
                    Random random = new Random(seed);
                    while (!killed.get()) {
                        try {
                            switch (random.nextInt(4)) {
                                case 0 -> {
                                    HttpResponse<String> r = service.post(
                                            "/api/playlists",
                                            "{\"prompt\":\"" + prompts[random.nextInt(prompts.length)]
                                                    + "\",\"length\":10}");
                                    if (r.statusCode() == 201) {
                                        playlists.merge(
                                                JSON.readTree(r.body())
                                                        .get("id")
                                                        .asText(),
                                                1,
                                                Math::max);
                                    } else {
                                        failures.add(r.statusCode() + " " + r.body());
                                    }
                                }
                                case 1 -> {
                                    String id = playlists.keySet().stream()
                                            .skip(random.nextInt(Math.max(1, playlists.size())))
                                            .findFirst()
                                            .orElse(null);
                                    if (id != null) {
                                        HttpResponse<String> r = service.post(
                                                "/api/playlists/" + id + "/refine", "{\"prompt\":\"more upbeat\"}");
                                        if (r.statusCode() == 200) {
                                            playlists.merge(
                                                    id,
                                                    JSON.readTree(r.body())
                                                            .get("version")
                                                            .asInt(),
                                                    Math::max);
                                        }
                                    }
                                }
                                case 2 -> {
                                    HttpResponse<String> r = service.post("/api/dj/sessions", "{\"prompt\":\"chill\"}");
                                    if (r.statusCode() == 201) {
                                        sessions.add(JSON.readTree(r.body())
                                                .get("id")
                                                .asText());
                                    }
                                }
                                default -> {
                                    if (!sessions.isEmpty()) {
                                        String id = sessions.get(random.nextInt(sessions.size()));
                                        HttpResponse<String> r = service.post(
                                                "/api/dj/sessions/" + id + "/requests", "{\"text\":\"no more piano\"}");
                                        if (r.statusCode() == 202) {
                                            noPiano.add(id);
                                        }
                                    }
                                }
                            }
                        } catch (Exception connectionLost) {
                            // the kill: whatever was in flight was never acknowledged
                        }
                    }
                    return null;
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
            assertTrue(failures.isEmpty(), "requests failed before the kill: " + failures);
            assertTrue(
                    playlists.size() >= 8 && !sessions.isEmpty(),
                    "the load did some work: " + playlists.size() + " playlists, " + sessions.size() + " sessions");

            service.start();
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
            System.out.printf(
                    "durability (%s): %d playlists, %d sessions, %d requests acknowledged before kill -9; all present%n",
                    database, playlists.size(), sessions.size(), noPiano.size());
        }
    }
}
