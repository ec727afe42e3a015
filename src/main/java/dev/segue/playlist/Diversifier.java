package dev.segue.playlist;

import dev.segue.diversity.Mmr;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.TrackVectors;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The diversity knob ({@code options.diversity}, 0..1): re-orders the ranked tracks that meet every wish by maximal
 * marginal relevance, λ = 1 − diversity, similarity the cosine of the track vectors. Only the order in which the
 * assembler is offered the full matches changes, so hard constraints still apply first and the closest tracks still
 * fill what the full matches leave; 0 (or unset) leaves the ranking untouched.
 */
@ApplicationScoped
class Diversifier {

    /** MMR orders this many full matches per track expected (the rest keep their rank), enough for the caps to skip. */
    private static final int PICKS_PER_TRACK = 2;

    private static final int EXTRA_PICKS = 50;

    /**
     * MMR weighs each pick against this many full matches per pick (the best ranked; the rest keep their rank): its
     * cost grows with picks × pool, and a 100-track playlist over thousands of full matches took a quarter second.
     */
    private static final int POOL_PER_PICK = 3;

    private final TrackVectors vectors;

    Diversifier(TrackVectors vectors) {
        this.vectors = vectors;
    }

    List<ScoredTrack> apply(List<ScoredTrack> ranked, Double diversity, Assembler.Target target, Trace trace) {
        if (diversity == null || diversity <= 0) {
            return ranked;
        }
        long start = System.nanoTime();
        List<ScoredTrack> fits = ranked.stream().filter(ScoredTrack::fits).toList();
        int picks = Math.min(fits.size(), Assembler.expectedCount(target, ranked) * PICKS_PER_TRACK + EXTRA_PICKS);
        double lambda = 1 - diversity;
        List<ScoredTrack> pool = fits.subList(0, Math.min(fits.size(), picks * POOL_PER_PICK));
        List<ScoredTrack> reordered = new ArrayList<>(Mmr.order(pool, s -> vectors.of(s.track()), lambda, picks));
        reordered.addAll(fits.subList(pool.size(), fits.size()));
        // The full matches take the places full matches had, in MMR order; every other track keeps its place.
        List<ScoredTrack> out = new ArrayList<>(ranked.size());
        int next = 0;
        for (ScoredTrack s : ranked) {
            out.add(s.fits() ? reordered.get(next++) : s);
        }
        trace.note(
                "diversity",
                Trace.millisSince(start),
                String.format(
                        Locale.ROOT,
                        "options.diversity %.2f: MMR (λ = %.2f, cosine of track vectors) ordered %d of the best %d of %d"
                                + " full matches",
                        diversity,
                        lambda,
                        picks,
                        pool.size(),
                        fits.size()));
        return out;
    }
}
