package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.MixIn;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.SearchFilter;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks and orders the playlist. Hard constraints limit (exclusions, named artists, era, explicitness, at most N per
 * artist, no title+artist twice, the track count or the duration); wishes only rank. Mix-ins take their share first,
 * then the tracks that meet every required wish; when those run out, the closest tracks fill the size asked for
 * (most wishes met, then best ranked) and play after the full matches. The full matches are put in flow order: a
 * gentle energy arc where tracks have audio features, otherwise a chain of nearest neighbours.
 */
@ApplicationScoped
public class Assembler {

    /** How many tracks and which limits; {@code targetSeconds} set means "fill this duration" instead of a count. */
    public record Target(int tracks, Integer targetSeconds, int maxPerArtist) {}

    /** The tracks in playing order; {@code complete} is false when the hard constraints left too few. */
    public record Assembly(List<ScoredTrack> tracks, List<String> notes, boolean complete) {}

    /** The tracks a duration's share is estimated from: how long the best-ranked ones are on average. */
    private static final int DURATION_SAMPLE = 40;

    private final TrackVectors vectors;

    public Assembler(TrackVectors vectors) {
        this.vectors = vectors;
    }

    public Assembly assemble(Intent intent, List<ScoredTrack> ranked, SearchFilter hard, Target target) {
        return assemble(intent, ranked, hard, target, List.of());
    }

    /**
     * As above, but {@code preferred} (the LLM's ordered selection) is taken first, in its order, under the same
     * hard constraints; the rest is filled from the ranking, and the LLM's order is kept rather than re-flowed.
     */
    public Assembly assemble(
            Intent intent, List<ScoredTrack> ranked, SearchFilter hard, Target target, List<String> preferred) {
        return assemble(intent, ranked, hard, target, preferred, "the LLM's picks");
    }

    /** As above; {@code preferredBy} names where the preferred order came from in the notes ("the LLM's picks"). */
    public Assembly assemble(
            Intent intent,
            List<ScoredTrack> ranked,
            SearchFilter hard,
            Target target,
            List<String> preferred,
            String preferredBy) {
        if (!preferred.isEmpty()) {
            return assemblePreferred(intent, ranked, hard, target, preferred, preferredBy);
        }
        int expected = expectedCount(target, ranked);
        Pass pass = pass(intent, ranked, hard, target, expected);
        if (target.targetSeconds() != null && !intent.mixIns().isEmpty() && pass.size() != expected) {
            // How many tracks fill a duration is known only once it is filled: the mix-ins' share is of that count.
            // Mix-ins longer or shorter than the rest change the count again, so the closer share of the two wins.
            double share = intent.mixIns().stream().mapToDouble(MixIn::share).sum();
            Pass again = pass(intent, ranked, hard, target, pass.size());
            pass = Math.abs(again.share() - share) < Math.abs(pass.share() - share) ? again : pass;
        }
        // The close tracks were taken last: the full matches (and mix-ins) are everything before them.
        List<ScoredTrack> picked = pass.picker().picked;
        List<ScoredTrack> ordered = new ArrayList<>(
                FlowOrder.order(picked.subList(0, picked.size() - pass.close().size()), vectors));
        ordered.addAll(pass.close());
        return new Assembly(ordered, pass.notes(), !pass.picker().shortOfTarget());
    }

    /** One way of filling the playlist: the picks, the close tracks among them, and the notes. */
    private record Pass(Picker picker, int mixedIn, List<ScoredTrack> close, List<String> notes) {
        int size() {
            return picker.picked.size();
        }

        double share() {
            return size() == 0 ? 0 : mixedIn / (double) size();
        }
    }

    /** Mix-ins (their share of {@code expected} tracks), then full matches, then the closest tracks. */
    private static Pass pass(Intent intent, List<ScoredTrack> ranked, SearchFilter hard, Target target, int expected) {
        List<String> notes = new ArrayList<>();
        Picker picker = new Picker(target, hard);
        mixIns(intent, ranked, picker, expected, notes);
        int mixedIn = picker.picked.size();
        List<ScoredTrack> close = fill(intent, ranked, picker, mixedIn, notes);
        AssemblyNotes.shortfall(target, picker, hard).ifPresent(notes::add);
        return new Pass(picker, mixedIn, close, notes);
    }

    private static Assembly assemblePreferred(
            Intent intent,
            List<ScoredTrack> ranked,
            SearchFilter hard,
            Target target,
            List<String> preferred,
            String preferredBy) {
        List<String> notes = new ArrayList<>();
        Picker picker = new Picker(target, hard);
        takePreferred(ranked, picker, preferred, preferredBy, notes);
        int chosen = picker.picked.size();
        fill(intent, ranked, picker, 0, notes);
        if (picker.picked.size() > chosen) {
            notes.add((picker.picked.size() - chosen)
                    + " tracks were added from the search results to reach the size asked for");
        }
        AssemblyNotes.shortfall(target, picker, hard).ifPresent(notes::add);
        return new Assembly(List.copyOf(picker.picked), notes, !picker.shortOfTarget());
    }

    private static void takePreferred(
            List<ScoredTrack> ranked, Picker picker, List<String> preferred, String preferredBy, List<String> notes) {
        Map<String, ScoredTrack> byId = new HashMap<>();
        ranked.forEach(s -> byId.put(s.track().id(), s));
        int skipped = 0;
        for (String id : preferred) {
            ScoredTrack s = byId.get(id);
            if (picker.full()) {
                break;
            }
            if (s == null || !picker.tryAdd(s, false)) {
                skipped++;
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " of " + preferredBy
                    + " broke a constraint (exclusions, per-artist limit, duplicates or" + " size) and were left out");
        }
    }

    /** Each mix-in gets about its share of the {@code expected} tracks. */
    private static void mixIns(
            Intent intent, List<ScoredTrack> ranked, Picker picker, int expected, List<String> notes) {
        for (MixIn mix : intent.mixIns()) {
            int slots = Math.max(1, (int) Math.round(expected * mix.share()));
            int got = 0;
            for (ScoredTrack s : ranked) {
                if (got >= slots || picker.full()) {
                    break;
                }
                if (mixMatches(mix, s.track()) && picker.tryAdd(s, true)) {
                    got++;
                }
            }
            if (got < slots) {
                notes.add(String.format(Locale.ROOT, "found %d of %d tracks for \"%s\"", got, slots, mix.phrase()));
            }
        }
    }

    /**
     * Tracks that meet every required wish first, in ranked order; then, while the size is not reached, the closest
     * ones: most required wishes met first, best ranked first among equals. Returns the close tracks taken.
     */
    private static List<ScoredTrack> fill(
            Intent intent, List<ScoredTrack> ranked, Picker picker, int mixedIn, List<String> notes) {
        for (ScoredTrack s : ranked) {
            if (picker.full()) {
                break;
            }
            if (s.fits()) {
                picker.tryAdd(s, false);
            }
        }
        List<ScoredTrack> closest = ranked.stream()
                .filter(s -> !s.fits())
                .sorted(Comparator.comparingInt(
                        (ScoredTrack s) -> s.missedRequired().size()))
                .toList();
        List<ScoredTrack> close = new ArrayList<>();
        for (ScoredTrack s : closest) {
            if (picker.full()) {
                break;
            }
            if (picker.tryAdd(s, false)) {
                close.add(s);
            }
        }
        if (!close.isEmpty()) {
            List<ScoredTrack> main = picker.picked.subList(mixedIn, picker.picked.size() - close.size());
            notes.add(AssemblyNotes.close(intent.requiredGroups(), picker.picked.size(), main, mixedIn, close));
        }
        return close;
    }

    private static boolean mixMatches(MixIn mix, Track track) {
        if (mix.artist() != null) {
            return Catalog.artistKey(mix.artist()).equals(Catalog.artistKey(track.artist()));
        }
        return mix.tags().stream().anyMatch(track::hasTag);
    }

    /**
     * How many tracks the playlist will hold: the count asked, or the duration over the mean length of the
     * best-ranked tracks, so a mix-in keeps its share when "20 tracks" becomes "30 minutes".
     */
    static int expectedCount(Target target, List<ScoredTrack> ranked) {
        if (target.targetSeconds() == null) {
            return target.tracks();
        }
        double mean = ranked.stream()
                .limit(DURATION_SAMPLE)
                .mapToDouble(s -> s.track().durationSec())
                .filter(d -> d > 0)
                .average()
                .orElse(240);
        return Math.max(1, (int) Math.round(target.targetSeconds() / mean));
    }

    static double tolerance(Target target) {
        return target.targetSeconds() == null ? 0 : Math.max(90, target.targetSeconds() * 0.04);
    }
}
