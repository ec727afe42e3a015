package dev.segue.eval.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --replay DIR}: the local Segue gets the recorded provider settings and a {@link ReplayServer} for a
 * provider; every inherited SEGUE_LLM_* setting (a key, another model) is removed, so the run is the recording's.
 */
final class ReplaySession implements ProviderSession {

    private static final int DRIFTS_SHOWN = 3;
    private static final int UNUSED_SHOWN = 10;

    private final Path dir;
    private final Recording recording;
    private final ReplayServer server;
    private final Map<String, String> settings = new HashMap<>();

    private ReplaySession(Path dir, Recording recording, ReplayServer server, Map<String, String> environment) {
        this.dir = dir;
        this.recording = recording;
        this.server = server;
        environment.keySet().stream()
                .filter(name -> name.startsWith("SEGUE_LLM_") || ProviderSession.shapesRequests(name))
                .forEach(name -> settings.put(name, null));
        settings.putAll(recording.manifest().settings());
        settings.put(BASE_URL, server.baseUrl());
    }

    static ReplaySession start(Path dir, Map<String, String> environment) throws IOException {
        Recording recording = Recording.read(dir);
        return new ReplaySession(dir, recording, ReplayServer.start(recording), environment);
    }

    @Override
    public Map<String, String> serviceSettings() {
        return settings;
    }

    @Override
    public List<String> defaultVariants() {
        return recording.manifest().variants();
    }

    @Override
    public String refusal(String suite) {
        String recorded = recording.manifest().suite();
        return recorded.equals(suite) ? null : dir + " is a recording of suite " + recorded + ", not " + suite;
    }

    @Override
    public String startupProblem() {
        List<ReplayServer.Drift> drifts = server.drifts();
        return drifts.isEmpty()
                ? null
                : "its requests to the provider drifted from the recording " + dir + ": "
                        + drifts.get(0).describe() + " (re-record with --record " + dir + ")";
    }

    @Override
    public Outcome finish(String suite, List<String> variants) {
        int total = recording.exchanges().size();
        List<ReplayServer.Drift> drifts = server.drifts();
        List<Integer> unused = server.unused();
        List<String> notes = new ArrayList<>();
        notes.add("replayed " + dir + " (recorded " + recording.manifest().recordedAt() + "): " + server.requests()
                + " requests, " + (unused.isEmpty() ? "all " + total : (total - unused.size()) + " of " + total)
                + " recorded exchanges used" + (server.repeats() == 0 ? "" : ", " + server.repeats() + " asked again"));
        if (!unused.isEmpty()) {
            notes.add("replay: " + unused.size() + " recorded exchanges were never asked for (Segue made fewer"
                    + " provider calls than when recorded): " + numbers(unused));
        }
        if (!drifts.isEmpty()) {
            notes.add("replay DRIFTED: " + drifts.size() + " of " + server.requests() + " requests are not in the"
                    + " recording; the prompt, a tool schema, the model settings or the agent's requests changed since"
                    + " it was recorded. Re-record with --record " + dir + " (evals/recordings/README.md)");
            drifts.stream().limit(DRIFTS_SHOWN).forEach(d -> notes.add("replay: " + d.describe()));
        }
        return new Outcome(List.copyOf(notes), !drifts.isEmpty());
    }

    private static String numbers(List<Integer> seqs) {
        String shown = seqs.stream()
                .limit(UNUSED_SHOWN)
                .map(n -> String.format("%04d", n))
                .collect(Collectors.joining(", "));
        return seqs.size() > UNUSED_SHOWN ? shown + ", …" : shown;
    }

    @Override
    public void close() {
        server.close();
    }
}
