package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A playlist asked for in Spanish, Portuguese, French, German or Italian is titled and described in that language
 * (playlist/wording/*.json); an English one as before, and a refinement keeps the playlist's language.
 */
@QuarkusTest
class PlaylistLanguageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ruhige Klaviermusik zum Einschlafen | de | Ruhige Klaviermusik zum Einschlafen | 20 Titel, ",
                "piano relajante para dormir | es | Piano relajante para dormir | 20 canciones, ",
                "piano calmo para estudar | pt | Piano calmo para estudar | 20 músicas, ",
                "piano calme pour dormir | fr | Piano calme pour dormir | 20 morceaux, ",
                "pianoforte rilassante per dormire | it | Pianoforte rilassante per dormire | 20 brani, ",
                "música electrónica para una fiesta | es | Música electrónica para una fiesta | 20 canciones, "
            })
    void titledAndDescribedInThePromptsLanguage(String prompt, String language, String title, String start) {
        JsonPath playlist = Api.create(Map.of("prompt", prompt));
        assertEquals(title, playlist.getString("title"));
        assertTrue(playlist.getString("description").startsWith(start), playlist.getString("description"));
        assertEquals(language, playlist.getString("intent.language"));
    }

    @Test
    void anEnglishPromptReadsAsBefore() {
        JsonPath playlist = Api.create(Map.of("prompt", "calm piano music for studying"));
        assertEquals("Calm Piano for Studying", playlist.getString("title"));
        assertTrue(playlist.getString("description").startsWith("20 tracks, "), playlist.getString("description"));
        Map<String, Object> intent = playlist.getMap("intent");
        assertFalse(intent.containsKey("language"), "an English intent has no language field: " + intent.keySet());
    }

    @Test
    void aRefinementKeepsThePlaylistsLanguage() {
        JsonPath playlist = Api.create(Map.of("prompt", "ruhige Klaviermusik zum Einschlafen"));
        JsonPath refined = Api.refine(playlist.getString("id"), "no piano");
        assertEquals("de", refined.getString("intent.language"));
        assertTrue(
                refined.getString("description").contains("Ausgelassen: Titel mit den Tags piano"),
                refined.getString("description"));
    }
}
