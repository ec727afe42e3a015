package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.profile.Personalisation;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.ScoredTrack;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.Candidate;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Which ranking a playlist gets: the foundation scorer's, re-ordered by the transformer ranker unless the playlist
 * opted out or this is a refined version. The model was trained on first requests only, and on a refinement
 * ("calmer" after "energetic electronic") it lost precision in the evals' core suite. The served scores (model
 * order for tracks meeting every wish, the scorer's for near-misses) are the ranker's own.
 */
@ApplicationScoped
class RankingPolicy {

    /** options.ranker "random": the pool in a random order, for experiments that need a known-worse arm. */
    static final String RANDOM = "random";

    /**
     * What one ranking sees: the playlist's settings (ranker option, seed tracks), the listener's words, whether this
     * is a refined version, and the pool with the query vector; tracks in {@code keep} get the scorer's keep bonus.
     */
    record Pool(
            PlaylistSpec spec,
            String prompt,
            boolean refined,
            Intent intent,
            List<Candidate> candidates,
            float[] queryVector,
            Set<String> keep) {}

    private final BaselineScorer scorer;
    private final TransformerRanker ranker;
    private final Catalog catalog;

    RankingPolicy(BaselineScorer scorer, TransformerRanker ranker, Catalog catalog) {
        this.scorer = scorer;
        this.ranker = ranker;
        this.catalog = catalog;
    }

    /**
     * The pool, best first. The transformer's context tokens are the seed tracks, then the listener's recent plays
     * and likes when the request is personalised ({@code taste} is null otherwise).
     */
    List<ScoredTrack> rank(Pool pool, Personalisation taste, Trace trace) {
        List<ScoredTrack> scored =
                scorer.score(pool.intent(), pool.candidates(), pool.queryVector(), pool.keep(), taste);
        if (RANDOM.equals(pool.spec().ranker())) {
            return shuffled(scored, pool.prompt());
        }
        if (!usesRanker(pool.spec().ranker(), pool.refined())) {
            return scored;
        }
        long start = System.nanoTime();
        Set<String> contextIds = new LinkedHashSet<>(pool.spec().seedTrackIds());
        if (taste != null) {
            contextIds.addAll(taste.recentTracks());
        }
        List<Track> context =
                contextIds.stream().flatMap(id -> catalog.find(id).stream()).toList();
        List<ScoredTrack> ranked = ranker.rank(pool.intent(), scored, pool.queryVector(), pool.prompt(), context);
        // A note, not a step: its time is already inside the "rank" step.
        trace.note(
                "ranker",
                0,
                String.format(
                        Locale.ROOT,
                        "%s re-ranked %d candidates (%d context tracks) in %.2f ms",
                        ranker.name(),
                        scored.size(),
                        Math.min(context.size(), TransformerRanker.MAX_CONTEXT),
                        Trace.millisSince(start)));
        return ranked;
    }

    /** What a playlist's {@code ranker} field says: the transformer's name and version, "baseline" or "random". */
    String rankerName(String option, boolean refined) {
        if (RANDOM.equals(option)) {
            return RANDOM;
        }
        return usesRanker(option, refined) ? ranker.name() : TransformerRanker.BASELINE;
    }

    /**
     * The pool in an order that ignores every score (each track keeps its own score): a deliberately degraded
     * ranking, an experiment's known-worse arm. Seeded by the prompt, so the same prompt gets the same playlist.
     */
    private static List<ScoredTrack> shuffled(List<ScoredTrack> scored, String prompt) {
        List<ScoredTrack> out = new ArrayList<>(scored);
        Collections.shuffle(out, new Random(prompt.hashCode()));
        return out;
    }

    /** options.ranker "none" keeps the foundation scorer; "auto" (or absent) uses the transformer when one is loaded. */
    private boolean usesRanker(String option, boolean refined) {
        return ranker.available() && !refined && !"none".equals(option) && !TransformerRanker.BASELINE.equals(option);
    }
}
