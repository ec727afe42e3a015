package dev.segue.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #21's hostile rows: a 2 MB title, a track with 50,000 genre tags, control characters and an unbalanced quote
 * are each rejected with their reason or cleaned, and the rows after the bad quote are still read.
 */
class HostileRowsTest {

    private static final String TWO_MB_TITLE = "x".repeat(2 << 20);
    private static final String FIFTY_THOUSAND_TAGS =
            IntStream.range(0, 50_000).mapToObj(i -> "genre" + i).collect(Collectors.joining("|"));

    @TempDir
    Path dir;

    @Test
    void hostileCsvRowsAreRejectedWithTheirReasonAndTheRowsAfterABadQuoteAreRead() throws IOException {
        Path csv = copy("catalogs/hostile.csv");
        append(csv, "huge," + TWO_MB_TITLE + ",Me,100,rock,\n");
        append(csv, "tag-bomb,Tags,Me,100," + FIFTY_THOUSAND_TAGS + ",\n");
        append(csv, "controls,\u0007Bell\u0000 and\ttab\u009b,Me,100,rock,\n");
        append(csv, "only-controls,\u0001\u0002,Me,100,rock,\n");

        Catalog catalog = ingest(csv);

        assertEquals(
                List.of(
                        "ok-before",
                        "bidi",
                        "after-quote",
                        "quoted-after",
                        "two-lines",
                        "ok-last",
                        "ok-after-note",
                        "controls"),
                catalog.tracks().stream().map(Track::id).toList());
        assertEquals(
                Map.of(
                        "title longer than 300 characters", 1,
                        "more than 64 tags in genres", 1,
                        "tag longer than 64 characters in genres", 1,
                        "year out of range", 1,
                        "unbalanced quote", 2,
                        "missing title", 2,
                        "bad number in duration_sec", 1,
                        "row longer than 65,536 characters", 2),
                catalog.report().rejectedByReason());
        assertEquals(
                List.of(
                        "line 3: title longer than 300 characters",
                        "line 4: more than 64 tags in genres",
                        "line 5: tag longer than 64 characters in genres",
                        "line 7: year out of range",
                        "line 8: unbalanced quote",
                        "line 14: unbalanced quote",
                        "line 15: missing title",
                        "line 16: bad number in duration_sec",
                        "line 18: row longer than 65,536 characters",
                        "line 19: row longer than 65,536 characters"),
                catalog.report().rejectedSamples());
        assertEquals(8 + 11, catalog.report().rowsRead());
        assertEquals("evil title", catalog.find("bidi").orElseThrow().title());
        assertEquals("Me", catalog.find("bidi").orElseThrow().artist());
        assertEquals("Bell and tab", catalog.find("controls").orElseThrow().title());
        assertEquals("Two lines", catalog.find("two-lines").orElseThrow().title());
        assertEquals(
                "Quoted, with a comma",
                catalog.find("quoted-after").orElseThrow().title());
        assertEquals(2001, catalog.find("after-quote").orElseThrow().year());
    }

    @Test
    void hostileJsonLinesAreRejectedWithTheirReasonOrCleaned() throws IOException {
        Path jsonl = copy("catalogs/hostile.jsonl");
        append(jsonl, "{\"id\":\"huge\",\"title\":\"" + TWO_MB_TITLE + "\",\"artist\":\"Me\",\"duration_sec\":100}\n");
        append(
                jsonl,
                "{\"id\":\"tag-bomb\",\"title\":\"Tags\",\"artist\":\"Me\",\"duration_sec\":100,\"genres\":[\""
                        + FIFTY_THOUSAND_TAGS.replace("|", "\",\"") + "\"]}\n");

        Catalog catalog = ingest(jsonl);

        assertEquals(
                List.of("ok-before", "controls", "ok-last"),
                catalog.tracks().stream().map(Track::id).toList());
        assertEquals("Bell and tab", catalog.find("controls").orElseThrow().title());
        assertEquals(
                Map.of(
                        "missing title", 1,
                        "title longer than 300 characters", 1,
                        "more than 64 tags in moods", 1,
                        "url longer than 2048 characters", 1,
                        "year out of range", 1,
                        "duration out of range", 1,
                        "row longer than 65,536 characters", 2),
                catalog.report().rejectedByReason());
        assertTrue(
                catalog.report()
                        .rejectedSamples()
                        .containsAll(List.of(
                                "line 3: missing title",
                                "line 10: row longer than 65,536 characters",
                                "line 11: row longer than 65,536 characters")),
                catalog.report().rejectedSamples().toString());
    }

    @Test
    void aQuoteOpenForMoreLinesThanARecordMaySpanIsRejectedAndEveryLineAfterItIsReported() throws IOException {
        Path csv = dir.resolve("open.csv");
        Files.writeString(
                csv,
                "id,title,artist,duration_sec\nfirst,One,Me,100\nopen,\"Never closed,Me,100\n"
                        + "la la la\n".repeat(RowLimits.RECORD_LINES + 10)
                        + "last,Last,Me,100\n");

        Catalog catalog = ingest(csv);

        assertEquals(
                List.of("first", "last"),
                catalog.tracks().stream().map(Track::id).toList());
        assertEquals(
                Map.of("unbalanced quote", 1, "missing title", RowLimits.RECORD_LINES + 10),
                catalog.report().rejectedByReason());
        assertEquals(
                "line 3: unbalanced quote", catalog.report().rejectedSamples().getFirst());
    }

    private static Catalog ingest(Path file) throws IOException {
        return CatalogIngester.ingest(new CatalogSource(file.toString(), null, Map.of()), ProgressBar.SILENT);
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = HostileRowsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
