package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service with the default LLM settings against a provider on a real socket: one that takes the request
 * and never sends a byte gets the offline playlist in under 15 s (the first-token deadline, no retry); one that streams
 * its two answers slowly for about 40 s in all gets the LLM's playlist. Runs in the integration-test phase: it takes a
 * minute. The service answers one offline request first, so the times measure the provider, not a cold JVM.
 */
class ProviderDeadlinesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"prompt\":\"calm piano music to help me focus while studying\"}";
    private static final Duration SLOW_PAUSE = Duration.ofSeconds(2);
    private static final int SLOW_CHUNKS = 11; // 10 pauses of 2 s per answer, two answers: 40 s of streaming

    @TempDir
    static Path dataDir;

    private static ScriptedProvider provider;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        provider = new ScriptedProvider(SLOW_CHUNKS, SLOW_PAUSE);
        service = new ServiceProcess(
                dataDir,
                List.of(
                        "-Dsegue.llm.base-url=" + provider.baseUrl(),
                        "-Dsegue.llm.api-key=sk-test",
                        "-Dsegue.llm.model=test-model"));
        service.start();
        // a first request warms the JVM (models, index, code paths), as any served request before it would
        HttpResponse<String> warm = service.post(
                "/api/playlists",
                "{\"prompt\":\"warm up\",\"options\":{\"planner\":\"offline\"}}",
                Duration.ofSeconds(60));
        assertEquals(201, warm.statusCode(), warm.body());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aProviderThatNeverAnswersGetsTheOfflinePlaylistInUnder15Seconds() throws Exception {
        provider.mode(ScriptedProvider.Mode.SILENT);
        long start = System.nanoTime();
        HttpResponse<String> created = service.post("/api/playlists", BODY, Duration.ofSeconds(60));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(201, created.statusCode(), created.body());
        JsonNode playlist = JSON.readTree(created.body());
        assertEquals("offline", playlist.get("planner").asText());
        assertEquals(20, playlist.get("tracks").size());
        assertTrue(
                playlist.get("notes").toString().contains("sent nothing within 10 s"),
                "the note names the first-token deadline: " + playlist.get("notes"));
        assertEquals(1, provider.requests(), "a provider that sent nothing is not asked again");
        System.out.printf("never-answering provider: offline playlist in %d ms%n", ms);
        assertTrue(ms < 15_000, "the offline playlist came in " + ms + " ms");
    }

    @Test
    void aProviderThatStreamsSlowlyFor40SecondsGetsTheLlmsPlaylist() throws Exception {
        provider.mode(ScriptedProvider.Mode.SLOW);
        long start = System.nanoTime();
        HttpResponse<String> created = service.post("/api/playlists", BODY, Duration.ofSeconds(150));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(201, created.statusCode(), created.body());
        JsonNode playlist = JSON.readTree(created.body());
        assertEquals("llm", playlist.get("planner").asText(), "notes: " + playlist.get("notes"));
        assertEquals("Slow Piano", playlist.get("title").asText());
        assertEquals(2, provider.requests(), "one streamed tool call, one streamed selection");
        System.out.printf("slowly streaming provider: the LLM's playlist in %d ms%n", ms);
        assertTrue(ms >= 40_000, "both answers streamed for their whole 40 s: " + ms + " ms");
    }
}
