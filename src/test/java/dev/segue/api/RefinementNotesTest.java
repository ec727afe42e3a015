package dev.segue.api;

import static dev.segue.Quantifiers.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refinements that say what they did: each version's notes are its own, a version's intent and query never keep
 * what a refinement removed, a new length or duration keeps the mix-ins' share, and a change the planner cannot act
 * on says so.
 */
@QuarkusTest
class RefinementNotesTest {

    private static final List<String> JAZZ = List.of("jazz", "acidjazz", "jazzfusion", "swing");
    /** The tags the scorer reads as singing on a catalog without audio features. */
    private static final List<String> VOCAL = List.of("voice", "rap", "hiphop", "singersongwriter", "chanson", "choir");

    @Test
    void eachVersionsNotesAreItsOwn() {
        JsonPath v1 = Api.create(Map.of("prompt", "bossa nova for a lazy afternoon"));
        Api.assertNoted(v1, "no catalog tag for: afternoon");
        JsonPath v2 = Api.refine(v1.getString("id"), "more upbeat");
        assertNone(v2.getList("notes"), n -> n.toString().contains("afternoon"), "version 1's note stays there");

        JsonPath piano = Api.create(Map.of("prompt", "piano"));
        String id = piano.getString("id");
        JsonPath noPiano = Api.refine(id, "no piano");
        List<String> said = noPiano.getList("notes");
        assertTrue(
                said.stream().anyMatch(n -> n.startsWith("after \"no piano\" nothing names a genre")), said.toString());
        assertNone(said, n -> n.startsWith("nothing in the prompt named"), "the first prompt did name piano");
        JsonPath jazz = Api.refine(id, "add some jazz");
        assertNone(jazz.getList("notes"), n -> n.toString().contains("nothing names"), "jazz is named now");
    }

    @Test
    void theIntentAndQueryNeverKeepWhatARefinementRemoved() {
        JsonPath calmPiano = Api.create(Map.of("prompt", "calm piano"));
        assertTrue(words(calmPiano).contains("piano"), calmPiano.getString("intent.queryText"));
        JsonPath noPiano = Api.refine(calmPiano.getString("id"), "no piano");
        assertFalse(words(noPiano).contains("piano"), noPiano.getString("intent.queryText"));
        assertTrue(words(noPiano).contains("calm"), "what was not removed stays");
        List<String> phrases = noPiano.getList("intent.include.phrase");
        assertFalse(phrases.contains("piano"), phrases.toString());

        JsonPath energetic = Api.create(Map.of("prompt", "energetic electronic"));
        JsonPath calmer = Api.refine(energetic.getString("id"), "calmer");
        assertFalse(words(calmer).contains("energetic"), calmer.getString("intent.queryText"));

        JsonPath guitar = Api.create(Map.of("prompt", "calm acoustic guitar"));
        Api.refine(guitar.getString("id"), "add some jazz");
        JsonPath noJazz = Api.refine(guitar.getString("id"), "no jazz");
        assertEquals(List.of(), noJazz.getList("intent.mixIns"), "the jazz mix-in goes with \"no jazz\"");
        Api.assertNoted(noJazz, "dropped \"jazz\"");
        List<Map<String, Object>> tracks = noJazz.getList("tracks");
        assertNone(tracks, t -> Api.tags(t).stream().anyMatch(JAZZ::contains), "no jazz, swing or fusion left");
    }

    /** Hip hop tracks are short: 30 minutes hold 10 or 11 of them, where a guess of 4 minutes a track said 7. */
    @Test
    void aNewLengthOrDurationKeepsTheMixInsShare() {
        JsonPath base = Api.create(Map.of("prompt", "hip hop beats"));
        String id = base.getString("id");
        double share = jazzShare(Api.refine(id, "add some jazz"));
        assertTrue(share >= 0.25, "about a third jazz: " + share);
        JsonPath minutes = Api.refine(id, "make it 30 minutes");
        assertEquals(1800, minutes.getDouble("totalDurationSec"), 200);
        assertEquals(share, jazzShare(minutes), 0.1, "30 minutes keep the share");
        JsonPath tenSongs = Api.refine(id, "10 songs");
        assertEquals(10, tenSongs.getList("tracks").size());
        assertEquals(share, jazzShare(tenSongs), 0.1, "10 songs keep the share");
    }

    @Test
    void aChangeThePlannerCannotActOnSaysSo() {
        JsonPath calmPiano = Api.create(Map.of("prompt", "calm piano"));
        List<Map<String, Object>> tracks = calmPiano.getList("tracks");
        assertNone(tracks, t -> Api.tags(t).stream().anyMatch(VOCAL::contains), "calm piano has no singing");
        String id = calmPiano.getString("id");
        JsonPath fewerVocals = Api.refine(id, "fewer vocals");
        Api.assertNoted(fewerVocals, "\"fewer vocals\" had no vocals to take out: none of the 20 tracks of version 1");
        JsonPath calm = Api.refine(id, "calm");
        Api.assertNoted(calm, "could not act on \"calm\": nothing in it changes what the playlist asks for");
        // "focus" already prefers instrumentals: "fewer vocals" only ranks voice lower, and no track has it.
        JsonPath focus = Api.create(Map.of("prompt", "calm piano music for focus"));
        List<Map<String, Object>> focusTracks = focus.getList("tracks");
        assertEquals(20, focusTracks.size());
        assertNone(focusTracks, t -> Api.tags(t).contains("voice"), "no voice track to take out");
        JsonPath lessVoice = Api.refine(focus.getString("id"), "fewer vocals");
        Api.assertNoted(
                lessVoice,
                "\"fewer vocals\" had nothing to take out: none of the 20 tracks of version 1 is tagged voice");
    }

    private static List<String> words(JsonPath playlist) {
        return Arrays.stream(playlist.getString("intent.queryText").split(",\\s*"))
                .flatMap(part -> Arrays.stream(part.split(" ")))
                .toList();
    }

    private static double jazzShare(JsonPath playlist) {
        List<Map<String, Object>> tracks = playlist.getList("tracks");
        long jazz = tracks.stream()
                .filter(t -> Api.tags(t).stream().anyMatch(JAZZ::contains))
                .count();
        assertFalse(tracks.isEmpty());
        return jazz / (double) tracks.size();
    }
}
