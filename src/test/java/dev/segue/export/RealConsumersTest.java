package dev.segue.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.segue.api.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exports opened by the programs people use, from Debian's packages: xmllint parses the XSPF, mpv plays the M3U8
 * and VLC both, each entry a real WAV file of the test catalog; video.js's m3u8-parser (npm) reads the M3U8. No XSPF schema is packaged by Debian or npm, so the
 * XSPF check is well-formedness plus its structure by XPath.
 */
@QuarkusTest
@TestProfile(PlayerCatalog.class)
class RealConsumersTest {

    private static final String XSPF_TRACKS = "/*[local-name()='playlist' and namespace-uri()='http://xspf.org/ns/0/']"
            + "/*[local-name()='trackList']/*[local-name()='track']";

    @BeforeAll
    static void makeAudio() throws Exception {
        if (!Consumers.installed(Consumers.SOX)) {
            return; // the tests that play audio skip
        }
        for (int n = 1; n <= PlayerCatalog.TRACKS; n++) {
            String wav = PlayerCatalog.audio(n).toString();
            Consumers.Result sox = Consumers.run(
                    List.of(Consumers.SOX, "-n", "-r", "8000", "-c", "1", wav, "synth", "0.3", "sine", "440"));
            assertEquals(0, sox.exitCode(), sox.output());
        }
    }

    @Test
    void xmllintReadsTheXspfWithEveryTrack() throws Exception {
        assumeTrue(Consumers.installed(Consumers.XMLLINT), Consumers.missing(Consumers.XMLLINT));
        JsonPath playlist = playlist();
        String file = exported(playlist, "xspf").toString();
        Consumers.Result parsed = Consumers.run(List.of(Consumers.XMLLINT, "--noout", file));
        assertEquals(0, parsed.exitCode(), parsed.output());
        assertEquals(String.valueOf(playlist.getList("tracks").size()), xpath(file, "count(" + XSPF_TRACKS + ")"));
        assertEquals(
                playlist.getString("tracks[0].title"),
                xpath(file, "string(" + XSPF_TRACKS + "[1]/*[local-name()='title'])"));
        assertEquals(
                PlayerCatalog.audio(1).getParent().toUri().toString(),
                xpath(file, "substring-before(string(" + XSPF_TRACKS + "[1]/*[local-name()='location']), 'tone-')"));
    }

    @Test
    void mpvPlaysEveryEntryOfTheM3u8() throws Exception {
        assumeTrue(Consumers.installed(Consumers.SOX, Consumers.MPV), Consumers.missing(Consumers.SOX, Consumers.MPV));
        JsonPath playlist = playlist();
        Path file = exported(playlist, "m3u8");
        Consumers.Result played = Consumers.run(List.of(
                Consumers.MPV,
                "--no-config",
                "--no-video",
                "--ao=null",
                "--term-playing-msg=SEGUE-ENTRY ${playlist-count} ${path}",
                "--playlist=" + file));
        assertEquals(0, played.exitCode(), played.output());
        List<String> entries = played.output()
                .lines()
                .filter(line -> line.startsWith("SEGUE-ENTRY "))
                .toList();
        int count = playlist.getList("tracks").size();
        assertEquals(count, entries.size(), played.output());
        assertEquals("SEGUE-ENTRY " + count + " " + audioOf(playlist, 0), entries.get(0));
    }

    @Test
    void aMaintainedM3u8ParserReadsEveryEntry() throws Exception {
        assumeTrue(
                Consumers.installed(Consumers.NODE, Consumers.NPM), Consumers.missing(Consumers.NODE, Consumers.NPM));
        Consumers.Result install = Consumers.installM3u8Check();
        assumeTrue(
                install.exitCode() == 0,
                "export consumer test skipped: npm could not install m3u8-parser (no registry?): " + install.output());
        JsonPath playlist = playlist();
        Path file = exported(playlist, "m3u8");
        Consumers.Result parsed = Consumers.run(
                List.of(Consumers.NODE, Consumers.m3u8CheckScript().toString(), file.toString()));
        assertEquals(0, parsed.exitCode(), parsed.output());
        JsonPath entries = new JsonPath(parsed.output());
        List<String> ids = playlist.getList("tracks.id");
        assertEquals(
                ids.stream()
                        .map(id ->
                                PlayerCatalog.DIR.resolve(id + ".wav").toUri().toString())
                        .toList(),
                entries.getList("uri"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            names.add(playlist.getString("tracks[" + i + "].artist") + " - "
                    + playlist.getString("tracks[" + i + "].title"));
        }
        assertEquals(names, entries.getList("title"));
        assertEquals(1, entries.getInt("[0].duration"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xspf", "m3u8"})
    void vlcOpensEveryEntry(String format) throws Exception {
        assumeTrue(Consumers.installed(Consumers.SOX, Consumers.VLC), Consumers.missing(Consumers.SOX, Consumers.VLC));
        JsonPath playlist = playlist();
        Path file = exported(playlist, format);
        Consumers.Result played = Consumers.run(Consumers.asUnprivileged(List.of(
                Consumers.VLC,
                "-I",
                "dummy",
                "--play-and-exit",
                "--no-video",
                "--aout=dummy",
                "-vv",
                file.toString())));
        assertEquals(0, played.exitCode(), played.output());
        Matcher opened =
                Pattern.compile("`(file://\\S+\\.wav)' successfully opened").matcher(played.output());
        List<String> files = opened.results().map(m -> m.group(1)).toList();
        assertEquals(playlist.getList("tracks").size(), files.size(), played.output());
        String first = playlist.getString("tracks[0].id") + ".wav";
        assertEquals(PlayerCatalog.DIR.resolve(first).toUri().toString(), files.get(0));
    }

    /** Five of the six tracks, so the playlist is the assembler's choice and not the whole catalog in file order. */
    private static JsonPath playlist() {
        JsonPath playlist = Api.create("{\"prompt\":\"calm ambient\",\"length\":5}");
        assertEquals(5, playlist.getList("tracks").size());
        return playlist;
    }

    private static Path exported(JsonPath playlist, String format) throws Exception {
        byte[] body = given().when()
                .get("/api/playlists/" + playlist.getString("id") + "/export?format=" + format)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Path file = PlayerCatalog.DIR.resolve(playlist.getString("id") + "." + format);
        Files.write(file, body);
        return file;
    }

    private static String audioOf(JsonPath playlist, int index) {
        return PlayerCatalog.DIR
                .resolve(playlist.getString("tracks[" + index + "].id") + ".wav")
                .toString();
    }

    private static String xpath(String file, String expression) throws Exception {
        Consumers.Result result = Consumers.run(List.of(Consumers.XMLLINT, "--xpath", expression, file));
        assertEquals(0, result.exitCode(), result.output());
        return result.output().strip();
    }
}
