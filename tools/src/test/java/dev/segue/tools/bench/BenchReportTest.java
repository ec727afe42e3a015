package dev.segue.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.Bodies;
import dev.segue.tools.common.Json;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchReportTest {

    private static final long MS = 1_000_000L;

    private static BenchRun run(List<Sample> samples) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--label", "ci", "--rounds", "1");
        PhaseStats phase = PhaseStats.of("sequential", 1, samples, 100 * MS);
        return new BenchRun(
                command.options,
                "tools/bench/run --label ci --rounds 1",
                37,
                OffsetDateTime.parse("2026-11-30T12:00:00Z"),
                0,
                List.of(phase));
    }

    @Test
    void jsonHasEveryNumberRoundedAndNullWhereThereIsNone() {
        BenchRun failed = run(List.of(new Sample(12_345_678L, 500, null, 0)));

        String text = Json.writePretty(BenchJson.of(failed));
        JsonNode json = Json.read(text);

        assertEquals("ci", json.path("label").asText());
        assertEquals(37, json.path("options").path("promptCount").asInt());
        assertEquals(42, json.path("options").path("shuffleSeed").asInt());
        assertEquals(37 * 2, json.path("warmup").path("requests").asInt());
        JsonNode phase = json.path("phases").path(0);
        assertEquals(1, phase.path("outcomes").path("500").asInt());
        assertTrue(phase.path("latencyMs").path("p50").isNull(), "NaN must be null in JSON");
        assertTrue(text.contains("\"throughputPerSec\" : 10.000,"), text);
    }

    @Test
    void markdownHasTheTableTheCommandAndTheErrors() {
        BenchRun mixed = run(List.of(new Sample(12 * MS, 201, null, 20), new Sample(MS, 503, null, 0)));

        String md = BenchReport.markdown(mixed);

        assertTrue(md.startsWith("### Segue benchmark, 2026-11-30 12:00 (ci)"), md);
        assertTrue(md.contains("| sequential | 1 | 2 | 1 | 12.0 | 12.0 | 12.0 | 12.0 | 12.0 | 20.0 | 20.0 |"), md);
        assertTrue(md.contains("Command: `tools/bench/run --label ci --rounds 1` (37 prompts, warm-up rounds: 2)"), md);
        assertTrue(md.contains("Errors in sequential: {201=1, 503=1}"), md);
    }

    @Test
    void countsTheTracksOfARealPlaylist() {
        assertEquals(20, PlaylistClient.trackCount(Bodies.read("playlist.json")));
        assertEquals(0, PlaylistClient.trackCount("not json"));
    }
}
