package dev.segue.eval.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What stands between the local Segue and its LLM provider during a run: nothing, a {@link RecordingProxy}
 * ({@code --record DIR}) or a {@link ReplayServer} ({@code --replay DIR}). It gives the local Segue the settings that
 * point it there, and after the run writes the recording or says how the replay went.
 */
public interface ProviderSession extends AutoCloseable {

    /** The provider's base URL, as Segue reads it. */
    String BASE_URL = "SEGUE_LLM_BASE_URL";

    /** How the run went for the provider: notes for the report, and whether a replayed request was not recorded. */
    record Outcome(List<String> notes, boolean drifted) {}

    /** The run's local Segue talks to its provider directly, if it has one. */
    ProviderSession NONE = new ProviderSession() {
        @Override
        public Map<String, String> serviceSettings() {
            return Map.of();
        }

        @Override
        public Outcome finish(String suite, List<String> variants) {
            return new Outcome(List.of(), false);
        }
    };

    /** {@code environment}: the runner's, which the local Segue inherits (its SEGUE_LLM_* settings are the provider). */
    static ProviderSession record(Path dir, Map<String, String> environment) throws IOException {
        return RecordSession.start(dir, environment);
    }

    static ProviderSession replay(Path dir, Map<String, String> environment) throws IOException {
        return ReplaySession.start(dir, environment);
    }

    /** Environment settings for the local Segue; a null value removes an inherited one. */
    Map<String, String> serviceSettings();

    /** The variants to run when none were named: a replay runs those recorded; null means the suite's. */
    default List<String> defaultVariants() {
        return null;
    }

    /** Null when a suite of this name may run; otherwise why not. */
    default String refusal(String suite) {
        return null;
    }

    /** Why the local Segue will not get ready as things stand (a replayed request already drifted), or null. */
    default String startupProblem() {
        return null;
    }

    Outcome finish(String suite, List<String> variants) throws IOException;

    @Override
    default void close() {}

    /**
     * The settings that shape what Segue sends its provider (SEGUE_LLM_* and the default prompt version), without the
     * base URL and without credentials: what a recording keeps so that its replay sends the same requests.
     */
    static boolean shapesRequests(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return (upper.startsWith("SEGUE_LLM_") || upper.equals("SEGUE_PROMPTS_AGENT"))
                && !upper.equals(BASE_URL)
                && !Secrets.isCredential(name);
    }
}
