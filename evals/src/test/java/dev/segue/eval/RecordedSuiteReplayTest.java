package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The LLM variants in CI: suites/agent.yaml replayed from recordings/agent (recorded against a scripted model, see
 * recordings/README.md) through the command line, on a Segue the runner starts with the replay for its provider. The
 * gates hold, every playlist came from the agent and every recorded exchange was asked for. And the replay bites:
 * the same run with one sentence of the agent's prompt changed exits 4, naming the field and showing both texts.
 */
@QuarkusTest
class RecordedSuiteReplayTest {

    private static final Path DATA_DIR = Path.of("target", "replay-data");
    private static final String SENTENCE = "Never invent ids.";
    private static final String CHANGED = "Never invent ids, ever.";

    @Inject
    Instance<CommandLine> commandLine;

    @Test
    void theRecordedAgentSuiteRunsWithoutAProvider() throws Exception {
        String out = "target/evals/ci-replay-agent";
        CommandLineRun run = replay(out);
        assertEquals(ExitCode.OK, run.exit(), run.console());
        Results.Run results = Results.read(Path.of(out, "results.json"));
        assertEquals(24, results.cases().size(), "12 cases under llm-v1 and llm-v2");
        assertTrue(results.variants().stream().noneMatch(v -> v.skipped() != null), run.console());
        List<String> planners = results.cases().stream()
                .flatMap(c -> c.turns().stream())
                .map(t -> t.response().path("planner").asText())
                .toList();
        assertEquals(34, planners.size(), "24 playlists and 10 refinements");
        assertTrue(planners.stream().allMatch("llm"::equals), "no fallback: " + planners);
        assertTrue(run.console().contains("72 requests, all 72 recorded exchanges used"), run.console());
    }

    @Test
    void aChangedPromptIsCaughtAsDrift() throws Exception {
        Path prompts = Path.of("target", "drift-prompts");
        copy(Path.of("..", "prompts"), prompts);
        Path agent = prompts.resolve("playlist-agent.v1.md");
        String prompt = Files.readString(agent);
        assertTrue(prompt.contains(SENTENCE), "the sentence this test changes is in the prompt");
        Files.writeString(agent, prompt.replace(SENTENCE, CHANGED));

        CommandLineRun run =
                replay("target/evals/ci-replay-drift", "--variants", "llm-v1", "--prompts", prompts.toString());
        assertEquals(ExitCode.REPLAY_DRIFTED, run.exit(), run.console());
        String console = run.console();
        assertTrue(console.contains("replay DRIFTED: "), console);
        assertTrue(console.contains("at $.messages[0].content (character "), console);
        assertTrue(console.contains(SENTENCE + "\\n- Tool results"), "the recorded text: " + console);
        assertTrue(console.contains(CHANGED + "\\n- Tool results"), "the text sent: " + console);
        assertTrue(run.out().strip().lines().toList().getLast().startsWith("DRIFTED: "), console);
        assertFalse(console.contains("PASS"), console);
    }

    /** A run as CI makes it, on its own data dir: the warm index, a fresh database. */
    private CommandLineRun replay(String out, String... more) throws IOException {
        deleteTree(DATA_DIR.resolve("db"));
        PackagedService.warmIndex(DATA_DIR);
        List<String> args = new ArrayList<>(List.of(
                "suites/agent.yaml", "--replay", "recordings/agent", "--data-dir", DATA_DIR.toString(), "--out", out));
        args.addAll(List.of(more));
        return CommandLineRun.of(commandLine.get(), args.toArray(String[]::new));
    }

    private static void copy(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
