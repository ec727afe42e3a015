package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's launcher, as a user runs it: its help, and a command going through it into the packaged jar. */
class LauncherIT {

    @TempDir
    Path dataDir;

    private record Run(int exit, String output) {}

    private Run segue(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        Stream.concat(Stream.of("./segue"), Stream.of(args)).toList())
                .redirectErrorStream(true);
        builder.environment().put("SEGUE_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./segue " + List.of(args) + " ended");
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpListsTheVerbs() throws Exception {
        Run help = segue("--help");
        assertEquals(0, help.exit(), help.output());
        for (String verb : List.of("./segue test", "./segue ingest", "./segue export-training-data", "./segue mcp")) {
            assertTrue(help.output().contains(verb), help.output());
        }
        assertFalse(help.output().contains("set -euo"), help.output());
        assertTrue(help.output().endsWith("\n"), help.output());
    }

    @Test
    void eachCommandsHelpIsCleanAndServeHelpDoesNotServe() throws Exception {
        for (String command : List.of("serve", "ingest", "export-training-data", "mcp")) {
            Run help = segue(command, "--help");
            assertEquals(0, help.exit(), help.output());
            assertTrue(help.output().startsWith("Usage: segue " + command), help.output());
            assertTrue(help.output().endsWith("\n"), help.output());
            // Nothing but the help: no JVM warning, no log line (serve --help used to start the service).
            assertFalse(help.output().contains("WARNING"), help.output());
            assertFalse(help.output().contains("INFO"), help.output());
            assertTrue(help.output().lines().allMatch(line -> line.length() <= 80), help.output());
        }
        Run export = segue("export-training-data", "--help");
        assertTrue(export.output().contains("SEGUE_CATALOG_FORMAT (the demo catalog when unset)"), export.output());
        Run version = segue("--version");
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().matches("segue \\S+\n"), version.output());
    }

    @Test
    void ingestRunsInTheApplicationAndReportsBadRows() throws Exception {
        Run dryRun = segue("ingest", "--dry-run", "src/test/resources/catalogs/spotify-sample.csv");
        assertEquals(0, dryRun.exit(), dryRun.output());
        assertTrue(dryRun.output().contains("40 tracks accepted, 5 rejected"), dryRun.output());
        assertTrue(dryRun.output().contains("line 46: unbalanced quote"), dryRun.output());
        // The README's example catalog, with its three bad rows at the lines a text editor shows.
        Run example = segue("ingest", "--dry-run", "examples/my-tracks.csv");
        assertEquals(0, example.exit(), example.output());
        assertTrue(example.output().contains("37 rows read, 34 tracks accepted, 3 rejected"), example.output());
        assertTrue(
                example.output()
                        .contains("first rejected: line 12: missing artist; line 24: bad number in duration_sec;"
                                + " line 38: duplicate id"),
                example.output());
        Run missing = segue("ingest", "no-such-file.csv");
        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("segue ingest: catalog file not found"), missing.output());
    }
}
