package dev.segue.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.LocalServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options;
    }

    @Test
    void defaultsAreTheOnesTheQuotedResultsUsed() {
        BenchOptions o = parse();

        assertEquals("http://localhost:8080", o.url());
        assertEquals(Path.of("tools/bench/prompts.txt"), o.prompts());
        assertEquals(5, o.rounds());
        assertEquals(8, o.concurrency());
        assertEquals(1000, o.requests());
        assertEquals(2, o.warmup());
        assertEquals(Path.of("target/bench"), o.out());
        assertNull(o.label());
    }

    @Test
    void takesBothOptionSpellings() {
        BenchOptions o = parse("--rounds", "1", "--requests=200", "--url=http://127.0.0.1:18181/", "--label", "a b");

        assertEquals(1, o.rounds());
        assertEquals(200, o.requests());
        assertEquals("http://127.0.0.1:18181", o.url());
        assertEquals("a b", o.label());
    }

    @Test
    void outOfRangeValuesAreBadOptionsBeforeAnythingIsSent() {
        LocalServer.Run noWorkers = LocalServer.run("bench", "--concurrency", "0");
        LocalServer.Run notANumber = LocalServer.run("bench", "--rounds", "five");
        LocalServer.Run noPrompts = LocalServer.run("bench", "--prompts", "no/such/file.txt");

        assertEquals(2, noWorkers.exitCode());
        assertTrue(noWorkers.err().contains("--concurrency must be >= 1, got 0"), noWorkers.err());
        assertEquals(2, notANumber.exitCode());
        assertEquals(2, noPrompts.exitCode());
        assertTrue(noPrompts.err().contains("cannot read prompts file no/such/file.txt"), noPrompts.err());
    }

    @Test
    void theRecordedCommandCanBePastedIntoAShell() {
        String command = BenchOptions.command(List.of("--label", "it's fast", "--rounds=1"));

        assertEquals("tools/bench/run --label 'it'\\''s fast' --rounds=1", command);
    }
}
