package dev.segue.catalog;

import static dev.segue.Quantifiers.assertEvery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIngesterTest {

    @TempDir
    Path dir;

    @Test
    void demoCatalogHasEveryJamendoTrackWithUrlLicenseAndTags() throws IOException {
        Catalog catalog = CatalogIngester.ingest(CatalogSource.demo(), ProgressBar.SILENT);
        assertEquals(11_565, catalog.size());
        assertEquals(0, catalog.report().rejected());
        Track track = catalog.find("jamendo:214").orElseThrow();
        assertEquals("Intro chiante", track.title());
        assertEquals("David TMX", track.artist());
        assertEquals("https://www.jamendo.com/track/214", track.url());
        assertEquals("CC-BY-NC-SA-2.0", track.license());
        assertEquals(124.6, track.durationSec(), 1e-9);
        assertEquals(List.of("punkrock"), track.genres());
        assertTrue(catalog.vocabulary(TagCategory.INSTRUMENT).containsKey("piano"));
        assertEquals(87, catalog.vocabulary(TagCategory.GENRE).size());
        // Listen counts become a 0..100 percentile; tracks without statistics have no popularity at all.
        assertEvery(
                catalog.tracks().stream().filter(t -> t.popularity() != null).toList(),
                t -> t.popularity() >= 0 && t.popularity() <= 100,
                "popularity is a 0..100 percentile");
        assertEquals(
                1_707,
                catalog.tracks().stream().filter(t -> t.popularity() == null).count());
    }

    @Test
    void spotifyRowsMapGenresYearsAndFeaturesAndBadRowsAreReportedNotFatal() throws Exception {
        Catalog catalog = CatalogIngester.ingest(
                new CatalogSource(resource("catalogs/spotify-sample.csv"), null, Map.of()), ProgressBar.SILENT);
        IngestReport report = catalog.report();
        assertEquals(CatalogFormat.SPOTIFY, report.format());
        assertEquals(40, catalog.size());
        assertEquals(45, report.rowsRead());
        assertEquals(
                Map.of(
                        "missing track_name",
                        1,
                        "energy outside 0..1",
                        1,
                        "bad number in track_popularity",
                        1,
                        "duplicate id",
                        1,
                        "unbalanced quote",
                        1),
                report.rejectedByReason());
        assertTrue(report.summary().contains("5 rejected"), report.summary());
        // The line a text editor shows for each rejected row (the header is line 1).
        assertEquals(
                List.of(
                        "line 42: missing track_name",
                        "line 43: energy outside 0..1",
                        "line 44: bad number in track_popularity",
                        "line 45: duplicate id",
                        "line 46: unbalanced quote"),
                report.rejectedSamples());
        assertTrue(report.summary().contains("first rejected: line 42: missing track_name;"), report.summary());
        Track first = catalog.find("spotify:6f807x0ima9a1j3VPbc7VN").orElseThrow();
        assertEquals(2019, first.year());
        assertEquals(List.of("pop", "edm", "dance pop", "pop edm"), first.genres());
        assertEquals(0.916, first.features().energy(), 1e-9);
        assertEquals(194.754, first.durationSec(), 1e-9);
        assertEquals(66.0, first.popularity());
    }

    @Test
    void canonicalJsonLinesWithArraysAndCsvWithAColumnMapping() throws IOException {
        Path jsonl = dir.resolve("mine.jsonl");
        Files.writeString(jsonl, """
                {"id":"a1","title":"Morning","artist":"Me","duration_sec":200,"genres":["folk","Hip Hop"],"moods":"calm|soft","year":1999,"explicit":false}
                {"id":"a2","title":"Night","artist":"Me","duration_ms":180000,"energy":0.9}
                {"id":"a3","title":"No artist","duration_sec":100}
                this is not json
                {"id":"a4","title":"Bad link","artist":"Me","duration_sec":100,"url":"javascript:alert(1)"}
                """);
        Catalog fromJson =
                CatalogIngester.ingest(new CatalogSource(jsonl.toString(), null, Map.of()), ProgressBar.SILENT);
        assertEquals(CatalogFormat.JSONL, fromJson.report().format());
        assertEquals(2, fromJson.size());
        assertEquals(
                List.of("folk", "hiphop"), fromJson.find("a1").orElseThrow().genres());
        assertEquals(List.of("calm", "soft"), fromJson.find("a1").orElseThrow().moods());
        assertEquals(180.0, fromJson.find("a2").orElseThrow().durationSec());
        assertEquals(
                Map.of("missing artist", 1, "malformed JSON", 1, "url is not http(s)", 1),
                fromJson.report().rejectedByReason());

        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "song_id,name,performer,seconds,style\nx1,Tune,Band,215.5,jazz|swing\n");
        Catalog fromCsv = CatalogIngester.ingest(
                new CatalogSource(
                        csv.toString(),
                        CatalogFormat.CSV,
                        Map.of(
                                "id",
                                "song_id",
                                "title",
                                "name",
                                "artist",
                                "performer",
                                "duration_sec",
                                "seconds",
                                "genres",
                                "style")),
                ProgressBar.SILENT);
        Track tune = fromCsv.find("x1").orElseThrow();
        assertEquals("Band", tune.artist());
        assertEquals(List.of("jazz", "swing"), tune.genres());
        assertNull(tune.year());
    }

    @Test
    void audioUrlOrALocationThatIsAUrlSaysWhereTheAudioIs() throws IOException {
        Path csv = dir.resolve("audio.csv");
        Files.writeString(csv, """
                id,title,artist,duration_sec,audio_url,location
                a,One,Me,100,file:///music/one.flac,
                b,Two,Me,100,,https://example.org/two.mp3
                c,Three,Me,100,,Berlin
                d,Four,Me,100,ftp://example.org/four.mp3,
                """);
        Catalog catalog = CatalogIngester.ingest(new CatalogSource(csv.toString(), null, Map.of()), ProgressBar.SILENT);
        assertEquals("file:///music/one.flac", catalog.find("a").orElseThrow().audioUrl());
        assertEquals(
                "https://example.org/two.mp3", catalog.find("b").orElseThrow().audioUrl());
        assertNull(catalog.find("c").orElseThrow().audioUrl(), "a location that is no URL is some other fact");
        assertEquals(
                Map.of("audio_url is not an http(s) or file URL", 1),
                catalog.report().rejectedByReason());
    }

    @Test
    void csvRowsAreReportedAtTheLineAnEditorShowsAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        Path csv = dir.resolve("lines.csv");
        Files.writeString(csv, """
                id,title,artist,duration_sec
                a,One,Me,100

                b,"Two
                lines",Me,100
                c,No duration,Me,
                d,"bad"x,Me,100
                e,Fine,Me,100
                f,No artist,,100
                """);
        Catalog catalog = CatalogIngester.ingest(new CatalogSource(csv.toString(), null, Map.of()), ProgressBar.SILENT);
        assertEquals(
                List.of("a", "b", "e"), catalog.tracks().stream().map(Track::id).toList());
        assertEquals(
                List.of("line 6: missing duration", "line 7: malformed CSV record", "line 9: missing artist"),
                catalog.report().rejectedSamples());
    }

    @Test
    void jsonLinesRowsAreReportedAtTheirLine() throws IOException {
        Path jsonl = dir.resolve("lines.jsonl");
        Files.writeString(jsonl, """
                {"id":"a","title":"One","artist":"Me","duration_sec":100}

                not json
                {"id":"b","title":"Two","duration_sec":100}
                """);
        Catalog catalog =
                CatalogIngester.ingest(new CatalogSource(jsonl.toString(), null, Map.of()), ProgressBar.SILENT);
        assertEquals(1, catalog.size());
        assertEquals(
                List.of("line 3: malformed JSON", "line 4: missing artist"),
                catalog.report().rejectedSamples());
    }

    @Test
    void checksumFollowsContentAndUnknownHeadersAreExplained() throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "id,title,artist,duration_sec\n1,A,B,100\n");
        String first = CatalogIngester.ingest(new CatalogSource(a.toString(), null, Map.of()), ProgressBar.SILENT)
                .checksum();
        assertEquals(
                first,
                CatalogIngester.ingest(new CatalogSource(a.toString(), null, Map.of()), ProgressBar.SILENT)
                        .checksum());
        Files.writeString(a, "id,title,artist,duration_sec\n1,A,B,101\n");
        assertNotNull(first);
        assertTrue(!first.equals(
                CatalogIngester.ingest(new CatalogSource(a.toString(), null, Map.of()), ProgressBar.SILENT)
                        .checksum()));

        Path odd = dir.resolve("odd.csv");
        Files.writeString(odd, "foo,bar\n1,2\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CatalogIngester.ingest(new CatalogSource(odd.toString(), null, Map.of()), ProgressBar.SILENT));
        assertTrue(e.getMessage().contains("segue.catalog.format"), e.getMessage());
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(CatalogIngesterTest.class
                        .getClassLoader()
                        .getResource(name)
                        .toURI())
                .toString();
    }
}
