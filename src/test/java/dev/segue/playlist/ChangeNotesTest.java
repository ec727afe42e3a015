package dev.segue.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.TagGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeNotesTest {

    private static final TagGroup PIANO = new TagGroup("piano", List.of("piano"), "tag", 1.2, true);
    private static final Intent CALM_PIANO = Intent.of("piano").withTags(Intent.Tags.NONE.withInclude(List.of(PIANO)));

    private static Track track(int i, List<String> tags) {
        return new Track(
                "t" + i, "S" + i, "A" + i, null, null, 200, tags, List.of(), List.of(), null, null, null, null, null);
    }

    private static Playlist version(int number, Intent intent, List<Track> tracks) {
        List<PlaylistTrack> out = new ArrayList<>();
        for (Track t : tracks) {
            out.add(PlaylistTrack.of(out.size() + 1, t, "reason", 1.0));
        }
        return new Playlist(
                "p",
                number,
                "piano",
                List.of(),
                "T",
                "D",
                "offline",
                "baseline",
                out,
                0,
                intent,
                List.of(),
                null,
                null);
    }

    private static Intent fewerVocals(Intent intent) {
        return intent.withFeel(intent.feel().withPreferInstrumental(true));
    }

    @Test
    void fewerVocalsOnACatalogWithoutVocalTagsSaysItCouldNotAct() {
        List<Track> tracks = List.of(track(1, List.of("piano")), track(2, List.of("jazz")));
        ChangeNotes notes = new ChangeNotes(new Catalog(tracks, null));
        List<String> said =
                notes.of("fewer vocals", version(1, CALM_PIANO, tracks), version(2, fewerVocals(CALM_PIANO), tracks));
        assertEquals(
                List.of(
                        "could not act on \"fewer vocals\": this catalog has no vocal tags or instrumentalness values to"
                                + " tell songs from instrumentals"),
                said);
    }

    @Test
    void fewerVocalsWithNoVocalsToTakeOutSaysSo() {
        List<Track> tracks = List.of(track(1, List.of("piano")), track(2, List.of("piano")));
        List<Track> catalog = new ArrayList<>(tracks);
        catalog.add(track(3, List.of("pop", "voice")));
        ChangeNotes notes = new ChangeNotes(new Catalog(catalog, null));
        List<String> said =
                notes.of("fewer vocals", version(1, CALM_PIANO, tracks), version(2, fewerVocals(CALM_PIANO), tracks));
        assertEquals(
                List.of("\"fewer vocals\" had no vocals to take out: none of the 2 tracks of version 1 has vocals"),
                said);
    }

    @Test
    void aChangeThatAsksForNothingNewSaysSo() {
        List<Track> tracks = List.of(track(1, List.of("piano")));
        ChangeNotes notes = new ChangeNotes(new Catalog(tracks, null));
        Intent reworded = CALM_PIANO.withWording(Intent.Wording.NONE.withQueryText("piano, please"));
        List<String> said = notes.of("please", version(1, CALM_PIANO, tracks), version(2, reworded, List.of()));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("could not act on \"please\""), said.get(0));
    }

    @Test
    void aChangeThatLeavesNothingNamedSaysSoOnlyOnItsOwnVersion() {
        List<Track> tracks = List.of(track(1, List.of("piano")), track(2, List.of("jazz")));
        ChangeNotes notes = new ChangeNotes(new Catalog(tracks, null));
        Intent noPiano = Intent.of("music").withTags(Intent.Tags.NONE.withExcludeTags(List.of("piano")));
        Playlist second = version(2, noPiano, List.of(tracks.get(1)));
        List<String> said = notes.of("no piano", version(1, CALM_PIANO, List.of(tracks.get(0))), second);
        assertEquals(
                List.of("after \"no piano\" nothing names a genre, mood or instrument of this catalog; tracks are"
                        + " ranked by how close their descriptions are to \"music\""),
                said);
        Intent jazzToo = noPiano.withTags(
                noPiano.tags().withInclude(List.of(new TagGroup("jazz", List.of("jazz"), "refine", 1.0, false))));
        List<String> next = notes.of("more jazz", second, version(3, jazzToo, tracks));
        assertTrue(next.isEmpty(), next.toString());
    }

    /** "fewer vocals" after "focus", which already prefers instrumentals: only a wish to rank voice lower is new. */
    @Test
    void aWishToRankSomethingLowerThatNoTrackHasSaysSo() {
        List<Track> tracks = List.of(track(1, List.of("piano")), track(2, List.of("piano")));
        List<Track> catalog = new ArrayList<>(tracks);
        catalog.add(track(3, List.of("pop", "voice")));
        ChangeNotes notes = new ChangeNotes(new Catalog(catalog, null));
        Intent focus = fewerVocals(CALM_PIANO);
        TagGroup lessVoice = new TagGroup("vocals", List.of("voice"), "refine", -0.7, false);
        Intent after = focus.withTags(focus.tags().withInclude(List.of(PIANO, lessVoice)));
        List<String> said = notes.of("fewer vocals", version(1, focus, tracks), version(2, after, tracks));
        assertEquals(
                List.of("\"fewer vocals\" had nothing to take out: none of the 2 tracks of version 1 is tagged voice"),
                said);

        List<Track> sung = List.of(track(1, List.of("piano")), track(3, List.of("pop", "voice")));
        List<String> acted = notes.of("fewer vocals", version(1, focus, sung), version(2, after, tracks));
        assertTrue(acted.isEmpty(), "a voice track went: " + acted);
    }
}
