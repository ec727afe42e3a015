package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Always the size asked for, when the catalog can: wishes (genres, moods, instruments) rank, only hard constraints
 * (named artists, exclusions, the per-artist cap, …) limit, and a short playlist names the constraint.
 */
@QuarkusTest
class PlaylistSizeTest {

    private static final Pattern SHORTFALL =
            Pattern.compile("asked for (\\d+) tracks, but only (\\d+) fit the hard constraints \\((.+)\\)");
    private static final Pattern CLOSE_NOTE =
            Pattern.compile("(\\d+) of 20 match everything asked; (\\d+) are close: .+");

    /** A mood, a genre and an instrument the demo catalog rarely holds together. */
    @ParameterizedTest
    @ValueSource(strings = {"sad jazz with harp", "happy metal with violin", "romantic accordion chillout"})
    void rareCombinationsComeBackAtTheSizeAskedWithANote(String prompt) {
        JsonPath p = Api.create(Map.of("prompt", prompt, "length", 20));
        List<Map<String, Object>> tracks = p.getList("tracks");
        assertEquals(20, tracks.size(), prompt);
        List<String> notes = p.getList("notes");
        Matcher note = notes.stream()
                .map(CLOSE_NOTE::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no note on the close tracks: " + notes));
        int full = Integer.parseInt(note.group(1));
        int close = Integer.parseInt(note.group(2));
        assertEquals(20, full + close, note.group());
        assertTrue(close > 0, note.group());
        List<String> reasons =
                tracks.stream().map(t -> t.get("reason").toString()).toList();
        for (String reason : reasons.subList(0, full)) {
            assertTrue(!reason.contains("not tagged for"), "the full matches come first: " + reason);
        }
        assertEvery(
                reasons.subList(full, 20),
                r -> r.contains("not tagged for \"") && r.startsWith("Tagged "),
                "each close track says which part it meets and which it lacks");
    }

    @Test
    void onlyHardConstraintsMakeAPlaylistShortAndTheNoteNamesThem() {
        JsonPath few = Api.create(Map.of("prompt", "songs by Psychocean"));
        List<String> artists = few.getList("tracks.artist");
        assertEquals(5, artists.size(), "the catalog holds 5 tracks by Psychocean");
        assertEvery(artists, "Psychocean"::equals, "only the named artist");
        assertEquals(
                List.of("asked for 20 tracks, but only 5 fit the hard constraints (only tracks by Psychocean)"),
                few.getList("notes"));

        JsonPath fewer = Api.create(Map.of("prompt", "songs by Psychocean, no metal", "length", 10));
        assertEquals(1, fewer.getList("tracks").size(), "four of the five are metal");
        List<String> notes = fewer.getList("notes");
        assertTrue(
                notes.stream()
                        .anyMatch(n -> n.startsWith("asked for 10 tracks, but only 1 fit the hard constraints (only"
                                        + " tracks by Psychocean; none tagged")
                                && n.contains("metal")),
                notes.toString());
    }

    /** quality/rare-combinations.txt: prompts whose every part fewer than 20 tracks of the catalog carry. */
    static List<String> rareCombinations() throws IOException {
        try (InputStream in =
                PlaylistSizeTest.class.getClassLoader().getResourceAsStream("quality/rare-combinations.txt")) {
            List<String> prompts = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
            assertTrue(prompts.size() >= 20, "the list is there: " + prompts);
            return prompts;
        }
    }

    /** Nothing in these prompts is a hard constraint: each comes back at the size asked. */
    @ParameterizedTest
    @MethodSource("rareCombinations")
    void noRareCombinationComesBackShort(String prompt) {
        JsonPath p = Api.create(Map.of("prompt", prompt, "length", 20));
        assertEquals(20, p.getList("tracks").size(), prompt + ": " + p.getList("notes"));
    }

    /**
     * The same prompts under hard constraints: exclusions leave plenty, so the playlist is full; a named artist
     * leaves a few, so it is short, never empty, and the note names the artist.
     */
    @ParameterizedTest
    @MethodSource("rareCombinations")
    void underHardConstraintsOnlyTheyMakeItShort(String prompt) {
        JsonPath excluding = Api.create(Map.of("prompt", prompt + ", no pop, no rock", "length", 40));
        assertEquals(40, excluding.getList("tracks").size(), prompt + ": " + excluding.getList("notes"));

        JsonPath byArtist = Api.create(Map.of("prompt", prompt + " by Psychocean", "length", 20));
        int size = byArtist.getList("tracks").size();
        assertTrue(size > 0 && size < 20, prompt + ": the catalog holds 5 tracks by Psychocean, got " + size);
        assertEvery(byArtist.getList("tracks.artist"), "Psychocean"::equals, "only the named artist");
        Matcher shortfall = shortfall(byArtist.getList("notes"));
        assertEquals(size, Integer.parseInt(shortfall.group(2)), shortfall.group());
        assertTrue(shortfall.group(3).contains("only tracks by Psychocean"), shortfall.group());
    }

    private static Matcher shortfall(List<String> notes) {
        return notes.stream()
                .map(SHORTFALL::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElseThrow(() -> new AssertionError("a short playlist says which constraint: " + notes));
    }
}
