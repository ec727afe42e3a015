package dev.segue.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.AudioFeatures;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.MixIn;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.SearchFilter;
import dev.segue.search.TrackVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssemblerTest {

    private static final TagGroup PIANO = new TagGroup("piano", List.of("piano"), "tag", 1.0, true);

    private static Intent intent(List<TagGroup> groups, List<MixIn> mixIns) {
        return Intent.of("piano")
                .withTags(Intent.Tags.NONE.withInclude(groups))
                .withMixIns(mixIns)
                .withTarget(20, null);
    }

    private static Track track(int i, String artist, String title, double seconds, List<String> tags, Double energy) {
        return new Track(
                "t" + i,
                title,
                artist,
                null,
                null,
                seconds,
                tags,
                List.of(),
                List.of(),
                null,
                null,
                null,
                energy == null ? null : new AudioFeatures(energy, null, null, null, null, null),
                null);
    }

    private static Assembler assembler(List<Track> tracks) {
        Catalog catalog = new Catalog(tracks, null);
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < tracks.size(); i++) {
            vectors.put(tracks.get(i).id(), new float[] {(float) Math.cos(i / 10.0), (float) Math.sin(i / 10.0)});
        }
        return new Assembler(TrackVectors.of(catalog, vectors));
    }

    /** Scores descend with the index; every track fits unless it lacks the piano tag. */
    private static List<ScoredTrack> ranked(List<Track> tracks) {
        List<ScoredTrack> out = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            boolean piano = t.genres().contains("piano");
            out.add(new ScoredTrack(
                    t,
                    1.0 - i * 0.001,
                    0.5,
                    piano ? List.of(PIANO) : List.of(),
                    piano ? List.of() : List.of(PIANO),
                    false));
        }
        return out;
    }

    @Test
    void hardConstraintsComeFirst() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Track 10 is a re-release of track 0: same artist, same title, another id.
            tracks.add(track(i, "A" + (i % 10), i == 10 ? "Song 0" : "Song " + i, 200, List.of("piano"), null));
        }
        Assembler.Assembly a = assembler(tracks)
                .assemble(
                        intent(List.of(PIANO), List.of()),
                        ranked(tracks),
                        SearchFilter.NONE.plusExcludedIds(Set.of("t2")),
                        new Assembler.Target(20, null, 2));
        assertEquals(20, a.tracks().size());
        Map<String, Integer> perArtist = new HashMap<>();
        a.tracks().forEach(s -> perArtist.merge(s.track().artist(), 1, Integer::sum));
        assertTrue(perArtist.values().stream().allMatch(n -> n <= 2), perArtist.toString());
        assertTrue(a.tracks().stream().noneMatch(s -> s.track().id().equals("t2")), "excluded ids never appear");
        assertTrue(a.tracks().stream().noneMatch(s -> s.track().id().equals("t10")), "same title and artist twice");
    }

    @Test
    void aSoftWishIsFilledWithTheClosestTracksAfterTheMatches() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // The rock tracks rank above most piano ones: the matches still come first.
            tracks.add(
                    track(i, "A" + i, "S" + i, 200, i % 2 == 0 && i < 24 ? List.of("piano") : List.of("rock"), null));
        }
        Assembler.Assembly a = assembler(tracks)
                .assemble(
                        intent(List.of(PIANO), List.of()),
                        ranked(tracks),
                        SearchFilter.NONE,
                        new Assembler.Target(20, null, 2));
        assertEquals(20, a.tracks().size(), "a single named instrument is a wish, not a limit");
        assertTrue(a.complete());
        assertTrue(a.tracks().subList(0, 12).stream().allMatch(ScoredTrack::fits), "the 12 piano tracks come first");
        List<String> close =
                a.tracks().subList(12, 20).stream().map(s -> s.track().id()).toList();
        assertEquals(List.of("t1", "t3", "t5", "t7", "t9", "t11", "t13", "t15"), close, "then the best-ranked others");
        assertEquals(
                List.of("12 of 20 match everything asked; 8 are close: they sound closest but have no piano"),
                a.notes());
    }

    @Test
    void closeTracksMeetingMoreWishesComeFirstAndTheNoteSaysWhatTheyHave() {
        TagGroup calm = new TagGroup("calm", List.of("calm"), "tag", 1.0, true);
        TagGroup jazz = new TagGroup("jazz", List.of("jazz"), "tag", 1.2, true);
        List<TagGroup> groups = List.of(calm, PIANO, jazz);
        List<List<String>> tagsByTrack = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // 4 full matches; then, in ranked order, tracks lacking two wishes before tracks lacking only jazz.
            tagsByTrack.add(
                    i < 4 ? List.of("calm", "piano", "jazz") : i < 20 ? List.of("calm") : List.of("calm", "piano"));
        }
        List<Track> tracks = new ArrayList<>();
        List<ScoredTrack> ranked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Track t = track(i, "A" + i, "S" + i, 200, tagsByTrack.get(i), null);
            tracks.add(t);
            List<TagGroup> matched = groups.stream().filter(g -> g.matches(t)).toList();
            List<TagGroup> missed = groups.stream().filter(g -> !g.matches(t)).toList();
            ranked.add(new ScoredTrack(t, 1.0 - i * 0.001, 0.5, matched, missed, false));
        }
        Assembler.Assembly a = assembler(tracks)
                .assemble(intent(groups, List.of()), ranked, SearchFilter.NONE, new Assembler.Target(20, null, 2));
        assertEquals(20, a.tracks().size());
        assertTrue(a.tracks().subList(0, 4).stream().allMatch(ScoredTrack::fits), "full matches first");
        assertTrue(
                a.tracks().subList(4, 14).stream()
                        .allMatch(s -> s.missedRequired().equals(List.of(jazz))),
                "then the ten that miss only jazz");
        assertTrue(a.tracks().subList(14, 20).stream()
                .allMatch(s -> s.missedRequired().size() == 2));
        assertEquals(
                List.of("4 of 20 match everything asked; 16 are close: 10 have calm and piano but not jazz, 6 have calm"
                        + " but not piano or jazz"),
                a.notes());
    }

    @Test
    void onlyHardConstraintsMakeItShortAndTheNoteNamesThem() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tracks.add(track(i, "A" + i, "S" + i, 200, i < 12 ? List.of("piano") : List.of("rock"), null));
        }
        SearchFilter noRock = new SearchFilter(
                List.of(), Set.of("rock"), Set.of(), Set.of(), null, null, null, false, null, Set.of());
        Assembler.Assembly a = assembler(tracks)
                .assemble(intent(List.of(PIANO), List.of()), ranked(tracks), noRock, new Assembler.Target(20, null, 2));
        assertEquals(12, a.tracks().size(), "the exclusion leaves 12");
        assertFalse(a.complete());
        assertEquals(
                List.of("asked for 20 tracks, but only 12 fit the hard constraints (none tagged rock)"), a.notes());

        List<Track> fewArtists = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fewArtists.add(track(i, "A" + (i % 3), "S" + i, 200, List.of("piano"), null));
        }
        Assembler.Assembly capped = assembler(fewArtists)
                .assemble(
                        intent(List.of(PIANO), List.of()),
                        ranked(fewArtists),
                        SearchFilter.NONE,
                        new Assembler.Target(20, null, 2));
        assertEquals(6, capped.tracks().size());
        assertEquals(
                List.of("asked for 20 tracks, but only 6 fit the hard constraints (at most 2 per artist)"),
                capped.notes());
    }

    @Test
    void durationTargetIsFilledWithinTolerance() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            tracks.add(track(i, "A" + i, "S" + i, 150 + (i % 7) * 40, List.of("piano"), null));
        }
        Assembler.Assembly a = assembler(tracks)
                .assemble(
                        intent(List.of(PIANO), List.of()),
                        ranked(tracks),
                        SearchFilter.NONE,
                        new Assembler.Target(100, 30 * 60, 2));
        double seconds =
                a.tracks().stream().mapToDouble(s -> s.track().durationSec()).sum();
        assertTrue(
                Math.abs(seconds - 1800) <= Assembler.tolerance(new Assembler.Target(100, 1800, 2)), "got " + seconds);
    }

    @Test
    void mixInsGetTheirShareAndEnergyMakesAnArc() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tracks.add(track(i, "A" + i, "S" + i, 200, i >= 40 ? List.of("jazz") : List.of("piano"), (i % 10) / 10.0));
        }
        Intent intent = intent(List.of(PIANO), List.of(new MixIn("jazz", List.of("jazz"), null, 0.3)));
        Assembler.Assembly a = assembler(tracks)
                .assemble(intent, ranked(tracks), SearchFilter.NONE, new Assembler.Target(20, null, 2));
        assertEquals(
                6,
                a.tracks().stream()
                        .filter(s -> s.track().genres().contains("jazz"))
                        .count());
        List<Double> energy =
                a.tracks().stream().map(s -> s.track().features().energy()).toList();
        int peak = energy.indexOf(energy.stream().max(Double::compare).orElseThrow());
        assertTrue(peak > 3 && peak < energy.size() - 2, "peak inside the playlist: " + energy);
        assertTrue(energy.get(0) <= energy.get(peak) && energy.get(energy.size() - 1) <= energy.get(peak));
    }

    @Test
    void aMixInKeepsItsShareWhenTheSizeIsADuration() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tracks.add(track(i, "A" + i, "S" + i, 200, i >= 40 ? List.of("jazz") : List.of("piano"), null));
        }
        Intent intent = intent(List.of(PIANO), List.of(new MixIn("jazz", List.of("jazz"), null, 0.3)));
        Assembler.Assembly a = assembler(tracks)
                .assemble(intent, ranked(tracks), SearchFilter.NONE, new Assembler.Target(100, 30 * 60, 2));
        long jazz = a.tracks().stream()
                .filter(s -> s.track().genres().contains("jazz"))
                .count();
        assertEquals(9, a.tracks().size(), "30 minutes of 200-second tracks");
        assertEquals(3, jazz, "a third of 9, as 6 of 20 would be: " + a.notes());
    }
}
