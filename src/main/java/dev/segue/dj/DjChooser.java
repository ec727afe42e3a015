package dev.segue.dj;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import dev.segue.embedding.Vectors;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Filters;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The greedy choice of a segment's tracks from the ranked pool: each slot takes the track that best balances fit, a
 * smooth transition from the track before (or a deliberate contrast after "switch it up") and the energy the session's
 * arc asks for, never repeating a track and keeping an artist to once per {@code artistGap} tracks.
 */
@ApplicationScoped
class DjChooser {

    /**
     * What the segment may hold: the energy to aim for, the tracks a one-segment wish limits it to ({@code only}, null
     * when none) or opens it with ({@code firstFrom}, null when none), the session's filter and the excluded tracks.
     */
    record Rules(double target, Set<String> only, Set<String> firstFrom, SearchFilter hard, Set<String> exclude) {}

    private final SearchTools tools;
    private final int tracksPerSegment;
    private final int artistGap;

    DjChooser(SearchTools tools, SegueConfig config) {
        this.tools = tools;
        this.tracksPerSegment = Math.max(2, Math.min(4, config.dj().tracksPerSegment()));
        this.artistGap = Math.max(1, config.dj().artistGap());
    }

    List<ScoredTrack> choose(DjState s, List<ScoredTrack> ranked, Track previous, Rules rules) {
        double max = ranked.stream().mapToDouble(ScoredTrack::score).max().orElse(1);
        double min = ranked.stream().mapToDouble(ScoredTrack::score).min().orElse(0);
        Chosen chosen = new Chosen(recentArtists(s.history().played()));
        Track before = previous;
        for (int slot = 0; slot < tracksPerSegment; slot++) {
            boolean contrast = s.wishes().contrastNext() && slot == 0 && before != null;
            boolean fromArtist =
                    slot == 0 && rules.firstFrom() != null && !rules.firstFrom().isEmpty();
            // One-segment wishes may reach outside the session's artist filter; exclusions still hold.
            SearchFilter rule =
                    fromArtist || rules.only() != null ? rules.hard().withArtists(Set.of()) : rules.hard();
            ScoredTrack best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (ScoredTrack c : ranked) {
                if (!allowed(c.track(), chosen, fromArtist, rule, rules)) {
                    continue;
                }
                double fit = max == min ? 1 : (c.score() - min) / (max - min);
                double value = value(s, fit, before, c.track(), contrast, rules.target());
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            before = best.track();
        }
        return chosen.tracks;
    }

    private static boolean allowed(Track t, Chosen chosen, boolean fromArtist, SearchFilter rule, Rules rules) {
        String artist = Catalog.artistKey(t.artist());
        return !(rules.exclude().contains(t.id())
                || chosen.ids.contains(t.id())
                || chosen.titles.contains(artist + "|" + Catalog.artistKey(t.title()))
                || (!fromArtist && chosen.recentArtists.contains(artist))
                || (fromArtist && !rules.firstFrom().contains(t.id()))
                || (!fromArtist
                        && rules.only() != null
                        && !rules.only().isEmpty()
                        && !rules.only().contains(t.id()))
                || !Filters.allows(rule, t));
    }

    private double value(DjState s, double fit, Track before, Track t, boolean contrast, double target) {
        double smooth = before == null ? 0.5 : similarity(before, t);
        if (contrast) {
            smooth = 1 - smooth;
        }
        double energyFit = 1 - Math.abs(EnergyEstimate.of(t) - target);
        // An energy request outweighs smoothness until the session gets there.
        return Math.abs(s.energyBias()) >= 0.1
                ? 0.4 * fit + 0.2 * smooth + 0.4 * energyFit
                : 0.5 * fit + 0.3 * smooth + 0.2 * energyFit;
    }

    /** The artists of the last {@code artistGap - 1} tracks played, oldest first. */
    private List<String> recentArtists(List<String> played) {
        List<String> artists = new ArrayList<>();
        int from = Math.max(0, played.size() - (artistGap - 1));
        for (String id : played.subList(from, played.size())) {
            tools.catalog().find(id).ifPresent(t -> artists.add(Catalog.artistKey(t.artist())));
        }
        return artists;
    }

    private double similarity(Track a, Track b) {
        float[] va = tools.index().vectors().of(a);
        float[] vb = tools.index().vectors().of(b);
        return va == null || vb == null ? 0.5 : Vectors.dot(va, vb);
    }

    /** The tracks chosen so far, and what they rule out for the slots after them. */
    private final class Chosen {
        final List<ScoredTrack> tracks = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final Set<String> titles = new HashSet<>();
        final List<String> recentArtists;

        Chosen(List<String> recentArtists) {
            this.recentArtists = recentArtists;
        }

        void add(ScoredTrack best) {
            Track t = best.track();
            tracks.add(best);
            ids.add(t.id());
            titles.add(Catalog.artistKey(t.artist()) + "|" + Catalog.artistKey(t.title()));
            recentArtists.add(Catalog.artistKey(t.artist()));
            if (recentArtists.size() > artistGap - 1) {
                recentArtists.remove(0);
            }
        }
    }
}
