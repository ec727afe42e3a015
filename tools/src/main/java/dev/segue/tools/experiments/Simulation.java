package dev.segue.tools.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass of simulated listeners through the running service, under many A/A experiments and one A/B experiment
 * at once (every listener is assigned in each independently), then every experiment's report.
 */
final class Simulation {

    /** The settings of one run. */
    record Settings(
            int listeners,
            int playlistsEach,
            int aaExperiments,
            Map<String, Object> controlOptions,
            Map<String, Object> worseOptions,
            long seed,
            int concurrency,
            String run) {}

    /** What came back: the A/A reports and the A/B report. */
    record Reports(List<JsonNode> aa, JsonNode ab, String abId, int listeners, int playlists) {}

    private final ExperimentsClient api;
    private final Settings settings;
    private final PrintWriter log;

    Simulation(ExperimentsClient api, Settings settings, PrintWriter log) {
        this.api = api;
        this.settings = settings;
        this.log = log;
    }

    Reports run(List<HeldOutPlaylists.Taste> tastes) throws IOException, InterruptedException {
        List<String> aa = new ArrayList<>();
        for (int i = 0; i < settings.aaExperiments(); i++) {
            aa.add(api.start(settings.run() + " A/A " + i, List.of(arm("a", Map.of()), arm("b", Map.of()))));
        }
        String ab = api.start(
                settings.run() + " A/B",
                List.of(arm("control", settings.controlOptions()), arm("worse", settings.worseOptions())));
        log.printf("started %d A/A experiments and the A/B %s%n", aa.size(), ab);
        log.flush();
        int playlists;
        try {
            playlists = listen(tastes);
        } finally {
            for (String id : aa) {
                api.stop(id);
            }
            api.stop(ab);
        }
        List<JsonNode> reports = new ArrayList<>();
        for (String id : aa) {
            reports.add(api.report(id));
        }
        return new Reports(reports, api.report(ab), ab, settings.listeners(), playlists);
    }

    private static Map<String, Object> arm(String name, Map<String, Object> options) {
        return Map.of("name", name, "weight", 1, "options", options);
    }

    /** Every listener makes their playlists and listens to them, a few listeners at a time; returns playlists made. */
    private int listen(List<HeldOutPlaylists.Taste> tastes) throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < settings.listeners(); i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    listener(n, tastes.get(n % tastes.size()), made);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(
                            "a listener failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return made.get();
    }

    private void listener(int n, HeldOutPlaylists.Taste taste, AtomicInteger made)
            throws IOException, InterruptedException {
        String user = settings.run() + "-listener-" + n;
        SimulatedListener listener = new SimulatedListener(taste, new Random(settings.seed() * 1_000_003L + n));
        for (int round = 0; round < settings.playlistsEach(); round++) {
            JsonNode playlist = api.playlist(user, listener.prompt(round));
            api.events(user, playlist.path("id").asText(), listener.listen(playlist.path("tracks")));
            int done = made.incrementAndGet();
            if (done % 100 == 0) {
                log.printf("%d playlists made and listened to%n", done);
                log.flush();
            }
        }
    }
}
