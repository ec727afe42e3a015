package dev.segue.ranking;

import dev.segue.catalog.Track;
import dev.segue.planner.Energy;
import dev.segue.planner.Intent;
import dev.segue.planner.TagGroup;
import dev.segue.profile.Personalisation;
import dev.segue.search.Candidate;
import dev.segue.search.SearchTools;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The scorer every playlist gets without a trained ranker: one number from how close the track's description is to
 * the query, how many of the listener's wishes its tags meet, its energy where the catalog has audio features, and a
 * small popularity prior. Weights are relative: a missing signal hands its weight to similarity.
 */
@ApplicationScoped
public class BaselineScorer {

    static final double W_SIMILARITY = 0.45;
    static final double W_TAGS = 0.40;
    static final double W_ENERGY = 0.08;
    static final double W_POPULARITY = 0.07;
    /** Tracks a refinement keeps get this much, so "keeps what still fits" holds unless the change outweighs it. */
    static final double KEEP_BONUS = 0.05;

    static final double VOCAL_PENALTY = 0.08;
    private static final Set<String> VOCAL_TAGS =
            Set.of("voice", "rap", "hiphop", "singersongwriter", "chanson", "choir");

    private final SearchTools tools;

    public BaselineScorer(SearchTools tools) {
        this.tools = tools;
    }

    /** Listener taste (affinity in -1..1) adds up to this much; a disliked track loses a lot. */
    static final double W_PERSONAL = 0.12;

    public List<ScoredTrack> score(
            Intent intent, List<Candidate> candidates, float[] queryVector, Set<String> keepIds) {
        return score(intent, candidates, queryVector, keepIds, null);
    }

    public List<ScoredTrack> score(
            Intent intent,
            List<Candidate> candidates,
            float[] queryVector,
            Set<String> keepIds,
            Personalisation taste) {
        List<TagGroup> positive =
                intent.include().stream().filter(g -> g.weight() > 0).toList();
        List<TagGroup> negative =
                intent.include().stream().filter(g -> g.weight() < 0).toList();
        double positiveWeight = positive.stream().mapToDouble(TagGroup::weight).sum();
        List<ScoredTrack> out = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Track track = candidate.track();
            double similarity = tools.similarity(queryVector, track);
            List<TagGroup> matched = new ArrayList<>();
            List<TagGroup> missed = new ArrayList<>();
            double tagWeight = 0;
            for (TagGroup group : positive) {
                if (group.matches(track)) {
                    matched.add(group);
                    tagWeight += group.weight();
                } else if (group.required()) {
                    missed.add(group);
                }
            }
            double total = combined(intent, track, similarity, tagWeight, positiveWeight, penalty(negative, track));
            if (taste != null) {
                double affinity = taste.affinity(track);
                total += affinity <= -1 ? -1 : W_PERSONAL * affinity;
            }
            boolean kept = keepIds.contains(track.id());
            if (kept) {
                total += KEEP_BONUS;
            }
            out.add(new ScoredTrack(track, total, similarity, matched, missed, kept));
        }
        out.sort(Comparator.comparingDouble(ScoredTrack::score).reversed());
        return out;
    }

    /** What the unwanted tags the track carries cost it. */
    private static double penalty(List<TagGroup> negative, Track track) {
        double penalty = 0;
        for (TagGroup group : negative) {
            if (group.matches(track)) {
                penalty += -group.weight() * 0.3;
            }
        }
        return penalty;
    }

    /**
     * Similarity, the share of wished-for tag weight met, energy fit and popularity, less the penalties; a signal the
     * request or the catalog lacks hands its weight to similarity.
     */
    private static double combined(
            Intent intent, Track track, double similarity, double tagWeight, double positiveWeight, double penalty) {
        double wSim = W_SIMILARITY;
        double total = 0;
        if (positiveWeight > 0) {
            total += W_TAGS * tagWeight / positiveWeight;
        } else {
            wSim += W_TAGS;
        }
        Double energyFit = energyFit(intent.energy(), track);
        if (energyFit != null) {
            total += W_ENERGY * energyFit;
        } else {
            wSim += W_ENERGY;
        }
        double popularity = track.popularity() == null ? 0.25 : track.popularity() / 100.0;
        total += W_POPULARITY * popularity + wSim * similarity - penalty;
        if (intent.preferInstrumental() && isVocal(track)) {
            total -= VOCAL_PENALTY;
        }
        return total;
    }

    /** 1 when the track's energy is the asked one, less the further it is; null without an asked energy or features. */
    static Double energyFit(Energy energy, Track track) {
        if (energy == null || track.features() == null || track.features().energy() == null) {
            return null;
        }
        return 1 - Math.abs(track.features().energy() - energy.target());
    }

    /** Whether the track has singing: low instrumentalness where the catalog measures it, else a vocal tag. */
    public static boolean isVocal(Track track) {
        if (track.features() != null && track.features().instrumentalness() != null) {
            return track.features().instrumentalness() < 0.3;
        }
        return VOCAL_TAGS.stream().anyMatch(track::hasTag);
    }
}
