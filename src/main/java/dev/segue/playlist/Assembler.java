package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import dev.segue.planner.Intent;
import dev.segue.planner.MixIn;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks and orders the playlist. Hard constraints first (exclusions, at most N per artist, no title+artist twice,
 * the track count or the duration); then tracks that meet every required wish before those that meet only some;
 * then flow: a gentle energy arc where tracks have audio features, otherwise a chain of nearest neighbours so each
 * track sounds like the one before it.
 */
@ApplicationScoped
public class Assembler {

    /** How many tracks and which limits; {@code targetSeconds} set means "fill this duration" instead of a count. */
    public record Target(int tracks, Integer targetSeconds, int maxPerArtist) {}

    public record Assembly(List<ScoredTrack> tracks, List<String> notes) {}

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
        List<String> notes = new ArrayList<>();
        Picker picker = new Picker(target, hard);
        int wanted = target.targetSeconds() == null ? target.tracks() : Playlists.MAX_TRACKS;
        if (!preferred.isEmpty()) {
            Map<String, ScoredTrack> byId = new HashMap<>();
            ranked.forEach(s -> byId.put(s.track().id(), s));
            int skipped = 0;
            for (String id : preferred) {
                ScoredTrack s = byId.get(id);
                if (picker.full(wanted)) {
                    break;
                }
                if (s == null || !picker.tryAdd(s, false)) {
                    skipped++;
                }
            }
            if (skipped > 0) {
                notes.add(
                        skipped + " of the LLM's picks broke a constraint (exclusions, per-artist limit, duplicates or"
                                + " size) and were left out");
            }
            int chosen = picker.picked.size();
            fill(intent, ranked, picker, wanted, notes);
            if (picker.picked.size() > chosen) {
                notes.add((picker.picked.size() - chosen)
                        + " tracks were added from the search results to reach the size asked for");
            }
            shortfall(target, picker, notes);
            return new Assembly(List.copyOf(picker.picked), notes);
        }

        for (MixIn mix : intent.mixIns()) {
            int slots = Math.max(1, (int) Math.round(expectedCount(target) * mix.share()));
            int got = 0;
            for (ScoredTrack s : ranked) {
                if (got >= slots || picker.full(wanted)) {
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
        fill(intent, ranked, picker, wanted, notes);
        shortfall(target, picker, notes);
        return new Assembly(order(picker.picked), notes);
    }

    /** Tracks that meet every named wish first; partial matches only when two or more wishes were named. */
    private static void fill(Intent intent, List<ScoredTrack> ranked, Picker picker, int wanted, List<String> notes) {
        int before = picker.picked.size();
        int required = intent.requiredGroups().size();
        for (ScoredTrack s : ranked) {
            if (picker.full(wanted)) {
                break;
            }
            if (s.fits()) {
                picker.tryAdd(s, false);
            }
        }
        int fitting = picker.picked.size() - before;
        if (!picker.full(wanted) && required >= 2) {
            // Partial matches (at least half of the named wishes) fill the rest, and the note says so.
            for (ScoredTrack s : ranked) {
                if (picker.full(wanted)) {
                    break;
                }
                if (!s.fits() && 2 * (required - s.missedRequired().size()) >= required) {
                    picker.tryAdd(s, false);
                }
            }
        }
        int partial = picker.picked.size() - before - fitting;
        if (partial > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "only %d tracks match everything asked; %d more match part of it (each reason says which part)",
                    fitting,
                    partial));
        }
    }

    private static void shortfall(Target target, Picker picker, List<String> notes) {
        if (target.targetSeconds() == null && picker.picked.size() < target.tracks()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "asked for %d tracks, but the catalog has only %d that fit (with at most %d per artist)",
                    target.tracks(),
                    picker.picked.size(),
                    target.maxPerArtist()));
        }
        if (target.targetSeconds() != null && picker.seconds < target.targetSeconds() - tolerance(target)) {
            notes.add(String.format(
                    Locale.ROOT,
                    "asked for %d minutes, but the tracks that fit add up to %d",
                    target.targetSeconds() / 60,
                    Math.round(picker.seconds / 60)));
        }
    }

    private static boolean mixMatches(MixIn mix, Track track) {
        if (mix.artist() != null) {
            return Catalog.artistKey(mix.artist()).equals(Catalog.artistKey(track.artist()));
        }
        return mix.tags().stream().anyMatch(track::hasTag);
    }

    private static int expectedCount(Target target) {
        return target.targetSeconds() == null ? target.tracks() : Math.max(1, target.targetSeconds() / 240);
    }

    static double tolerance(Target target) {
        return target.targetSeconds() == null ? 0 : Math.max(90, target.targetSeconds() * 0.04);
    }

    /** Picks under the hard constraints; mix-ins may come from outside the requested artists. */
    private static final class Picker {
        final Target target;
        final SearchFilter hard;
        final SearchFilter hardForMixIns;
        final List<ScoredTrack> picked = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final Set<String> titles = new HashSet<>();
        final Map<String, Integer> perArtist = new HashMap<>();
        double seconds;

        Picker(Target target, SearchFilter hard) {
            this.target = target;
            this.hard = hard;
            this.hardForMixIns = hard.withArtists(Set.of());
        }

        boolean full(int wanted) {
            if (target.targetSeconds() != null) {
                return seconds >= target.targetSeconds() - tolerance(target) || picked.size() >= wanted;
            }
            return picked.size() >= wanted;
        }

        boolean tryAdd(ScoredTrack s, boolean mixIn) {
            Track track = s.track();
            String artist = Catalog.artistKey(track.artist());
            String title = artist + "|" + Catalog.artistKey(track.title());
            if (ids.contains(track.id())
                    || titles.contains(title)
                    || perArtist.getOrDefault(artist, 0) >= target.maxPerArtist()
                    || !Filters.allows(mixIn ? hardForMixIns : hard, track)) {
                return false;
            }
            if (target.targetSeconds() != null
                    && seconds + track.durationSec() > target.targetSeconds() + tolerance(target)) {
                return false;
            }
            picked.add(s);
            ids.add(track.id());
            titles.add(title);
            perArtist.merge(artist, 1, Integer::sum);
            seconds += track.durationSec();
            return true;
        }
    }

    /** Flow order: an energy arc when most tracks have energy values, else nearest-neighbour chaining. */
    List<ScoredTrack> order(List<ScoredTrack> picked) {
        if (picked.size() < 3) {
            return picked;
        }
        long withEnergy = picked.stream()
                .filter(s ->
                        s.track().features() != null && s.track().features().energy() != null)
                .count();
        if (withEnergy >= picked.size() * 0.8) {
            return energyArc(picked);
        }
        return neighbourChain(picked);
    }

    /** Rise to a peak about two thirds in, then ease off: low-energy tracks open and close. */
    private static List<ScoredTrack> energyArc(List<ScoredTrack> picked) {
        List<ScoredTrack> byEnergy = new ArrayList<>(picked);
        byEnergy.sort(Comparator.comparingDouble(ScoredTrack::score).reversed());
        byEnergy.sort(Comparator.comparingDouble(s -> energy(s.track())));
        List<ScoredTrack> rising = new ArrayList<>();
        List<ScoredTrack> falling = new ArrayList<>();
        for (int i = 0; i < byEnergy.size(); i++) {
            (i % 3 == 2 ? falling : rising).add(byEnergy.get(i));
        }
        List<ScoredTrack> out = new ArrayList<>(rising);
        for (int i = falling.size() - 1; i >= 0; i--) {
            out.add(falling.get(i));
        }
        return out;
    }

    private static double energy(Track track) {
        return track.features() == null || track.features().energy() == null
                ? 0.5
                : track.features().energy();
    }

    /** Start with the best-scoring track; each next track is the most similar one left (another artist if possible). */
    private List<ScoredTrack> neighbourChain(List<ScoredTrack> picked) {
        List<ScoredTrack> left = new ArrayList<>(picked);
        List<ScoredTrack> out = new ArrayList<>(picked.size());
        ScoredTrack current = left.remove(0);
        out.add(current);
        while (!left.isEmpty()) {
            float[] here = vectors.of(current.track());
            ScoredTrack best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (ScoredTrack candidate : left) {
                float[] there = vectors.of(candidate.track());
                double value = here == null || there == null ? 0 : Vectors.dot(here, there);
                if (candidate.track().artist().equals(current.track().artist())) {
                    value -= 0.2; // keep the same artist from playing twice in a row when anything else is close
                }
                value += 0.1 * candidate.score();
                if (value > bestValue) {
                    bestValue = value;
                    best = candidate;
                }
            }
            left.remove(best);
            out.add(best);
            current = best;
        }
        return out;
    }
}
