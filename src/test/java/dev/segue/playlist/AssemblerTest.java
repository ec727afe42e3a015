package dev.segue.playlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void shortfallIsReportedNotPadded() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tracks.add(track(i, "A" + i, "S" + i, 200, i < 12 ? List.of("piano") : List.of("rock"), null));
        }
        Assembler.Assembly a = assembler(tracks)
                .assemble(
                        intent(List.of(PIANO), List.of()),
                        ranked(tracks),
                        SearchFilter.NONE,
                        new Assembler.Target(80, null, 2));
        assertEquals(12, a.tracks().size(), "only tracks that fit the single named wish");
        assertTrue(
                a.notes().stream().anyMatch(n -> n.contains("asked for 80 tracks") && n.contains("only 12")),
                a.notes().toString());
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
}
