package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's typo probe over the demo catalog: "relxing paino for sleep" came back with 2 piano tracks of 20 while
 * "RELAXING PIANO FOR SLEEP!!!" had 20. Misspelt, it is read as the words meant, says so, and gets as many.
 */
@QuarkusTest
class TypoPlaylistTest {

    @Test
    void aMisspeltPromptGetsThePianoTracksItMeant() {
        JsonPath playlist = Api.create(Map.of("prompt", "relxing paino for sleep"));
        List<Map<String, Object>> tracks = playlist.getList("tracks");
        assertEquals(20, tracks.size());
        long piano = tracks.stream().filter(t -> Api.tags(t).contains("piano")).count();
        assertTrue(piano >= 18, "piano tracks: " + piano + " of 20");
        Api.assertNoted(playlist, "read \"paino\" as \"piano\"");
        Api.assertNoted(playlist, "read \"relxing\" as \"relaxing\"");
    }

    @Test
    void theMisspeltPromptHasAsManyPianoTracksAsTheWellSpeltOne() {
        long shouted = pianoTracks("RELAXING PIANO FOR SLEEP!!!");
        assertTrue(shouted >= 18, "piano tracks, well spelt: " + shouted);
        assertEquals(shouted, pianoTracks("relxing paino for sleep"));
    }

    private static long pianoTracks(String prompt) {
        List<Map<String, Object>> tracks = Api.create(Map.of("prompt", prompt)).getList("tracks");
        assertEquals(20, tracks.size(), prompt);
        return tracks.stream().filter(t -> Api.tags(t).contains("piano")).count();
    }
}
