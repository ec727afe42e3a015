package dev.segue.tools.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.SegueTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The scale tool as the launcher runs it: through the tools' one command line. */
class ScaleCommandTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesAGzipCatalogWithAHeaderAndNRows() throws IOException {
        Path catalog = dir.resolve("synthetic.csv.gz");
        int code = execute(new StringWriter(), "scale", "generate", "--tracks", "250", "--out", catalog.toString());
        assertEquals(0, code);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(catalog)), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            assertTrue(header.startsWith("jamendo_track_id,mtg_track_id,title,artist"), header);
            assertEquals(250, reader.lines().count());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")), "no partial file is left");
        }
    }

    @Test
    void badSizesAreRefusedBeforeAnythingRuns() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "scale", "run", "--tracks", "5000,0", "--scratch", dir.toString()));
        assertTrue(err.toString().contains("at least 1"), err.toString());
        assertEquals(2, execute(new StringWriter(), "scale", "generate", "--tracks", "0", "--out", "x.csv"));
    }

    private static int execute(StringWriter err, String... args) {
        CommandLine line = SegueTools.commandLine();
        line.setOut(new PrintWriter(new StringWriter()));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
