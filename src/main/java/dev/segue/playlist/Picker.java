package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes tracks under the hard constraints, in the order offered: the filter, at most N per artist, no title by the
 * same artist twice, and the track count or the duration. Mix-ins may come from outside the requested artists. It
 * counts what the per-artist cap and the duplicate rule turned away, so a short playlist can say which held it back.
 */
final class Picker {

    final List<ScoredTrack> picked = new ArrayList<>();
    private final Assembler.Target target;
    private final SearchFilter hard;
    private final SearchFilter hardForMixIns;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> titles = new HashSet<>();
    private final Map<String, Integer> perArtist = new HashMap<>();
    private final int wanted;
    private double seconds;
    private int cappedByArtist;
    private int duplicates;

    Picker(Assembler.Target target, SearchFilter hard) {
        this.target = target;
        this.hard = hard;
        this.hardForMixIns = hard.withArtists(Set.of());
        this.wanted = target.targetSeconds() == null ? target.tracks() : Playlists.MAX_TRACKS;
    }

    /** Whether the count or the duration is reached. */
    boolean full() {
        if (target.targetSeconds() != null) {
            return seconds >= target.targetSeconds() - Assembler.tolerance(target) || picked.size() >= wanted;
        }
        return picked.size() >= wanted;
    }

    /** Whether the playlist falls short of what was asked (fewer tracks, or too few minutes). */
    boolean shortOfTarget() {
        return target.targetSeconds() == null
                ? picked.size() < target.tracks()
                : seconds < target.targetSeconds() - Assembler.tolerance(target);
    }

    boolean tryAdd(ScoredTrack s, boolean mixIn) {
        Track track = s.track();
        String artist = Catalog.artistKey(track.artist());
        String title = artist + "|" + Catalog.artistKey(track.title());
        if (ids.contains(track.id()) || !Filters.allows(mixIn ? hardForMixIns : hard, track)) {
            return false;
        }
        if (titles.contains(title)) {
            duplicates++;
            return false;
        }
        if (perArtist.getOrDefault(artist, 0) >= target.maxPerArtist()) {
            cappedByArtist++;
            return false;
        }
        if (target.targetSeconds() != null
                && seconds + track.durationSec() > target.targetSeconds() + Assembler.tolerance(target)) {
            return false;
        }
        picked.add(s);
        ids.add(track.id());
        titles.add(title);
        perArtist.merge(artist, 1, Integer::sum);
        seconds += track.durationSec();
        return true;
    }

    double seconds() {
        return seconds;
    }

    /** How many tracks the per-artist cap turned away. */
    int cappedByArtist() {
        return cappedByArtist;
    }

    /** How many tracks were another release of a title already picked. */
    int duplicates() {
        return duplicates;
    }
}
