package dev.segue.tools.loadtest;

import dev.segue.tools.common.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * One simulated user: opens a DJ session, then until the deadline picks an endpoint at random with the weights of
 * a listener using the web page: mostly new playlists and DJ segments, some reads, refinements and searches.
 */
final class Listener implements Runnable {

    /** Long enough that no session ends during a soak. */
    private static final int SESSION_MINUTES = 600;

    private final Random random;
    private final Recorder recorder;
    private final List<String> prompts;
    private final List<String> playlists;
    private final long deadlineNanos;
    private String session;

    /**
     * @param seed makes each listener's choices differ from the others' but repeat from run to run
     * @param playlists the ids of playlists any listener created, shared so that reads and refinements hit real ones
     */
    Listener(int seed, Recorder recorder, List<String> prompts, List<String> playlists, long deadlineNanos) {
        this.random = new Random(seed);
        this.recorder = recorder;
        this.prompts = prompts;
        this.playlists = playlists;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void run() {
        try {
            while (System.nanoTime() < deadlineNanos) {
                nextRequest();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one request: a new session until one is open, then one of the mix. */
    void nextRequest() throws InterruptedException {
        if (session == null) {
            openSession();
        } else {
            step(random.nextInt(100));
        }
    }

    private void openSession() throws InterruptedException {
        String body = Json.write(new SessionBody(anyPrompt(), SESSION_MINUTES));
        session = Json.text(recorder.send("POST /api/dj/sessions", "/api/dj/sessions", body), "id");
    }

    /** One request; {@code roll} (0..99) picks it: 40% create, 15% read, 10% refine, 10% search, 5% catalog, ... */
    private void step(int roll) throws InterruptedException {
        String prompt = anyPrompt();
        String known = playlists.isEmpty() ? null : playlists.get(random.nextInt(playlists.size()));
        if (roll < 40 || known == null) {
            String body = recorder.send("POST /api/playlists", "/api/playlists", Json.object("prompt", prompt));
            String id = Json.text(body, "id");
            if (id != null) {
                playlists.add(id);
            }
        } else if (roll < 55) {
            recorder.send("GET /api/playlists/{id}", "/api/playlists/" + known, null);
        } else if (roll < 65) {
            String change = random.nextBoolean() ? "more upbeat" : "no piano";
            recorder.send(
                    "POST /api/playlists/{id}/refine",
                    "/api/playlists/" + known + "/refine",
                    Json.object("prompt", change));
        } else if (roll < 75) {
            String query = URLEncoder.encode(prompt, StandardCharsets.UTF_8);
            recorder.send("GET /api/tracks/search", "/api/tracks/search?q=" + query + "&limit=20", null);
        } else if (roll < 80) {
            recorder.send("GET /api/catalog", "/api/catalog", null);
        } else if (roll < 95) {
            recorder.send("GET /api/dj/sessions/{id}/next", "/api/dj/sessions/" + session + "/next", null);
        } else {
            String text = random.nextBoolean() ? "more energy" : "switch it up";
            recorder.send(
                    "POST /api/dj/sessions/{id}/requests",
                    "/api/dj/sessions/" + session + "/requests",
                    Json.object("text", text));
        }
    }

    private String anyPrompt() {
        return prompts.get(random.nextInt(prompts.size()));
    }

    record SessionBody(String prompt, int minutes) {}
}
