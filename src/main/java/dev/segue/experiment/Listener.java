package dev.segue.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one listener in one arm was shown and did: the counts their per-listener metrics are made of. */
final class Listener {

    private final Set<String> subjects = new HashSet<>();
    private final List<Double> latencies = new ArrayList<>();
    private int exposures;
    private int fallbacks;
    private long tokens;
    private int plays;
    private int skips;
    private int likes;
    private int completes;
    private int saves;
    private int refinements;
    private int removals;

    void exposed(Exposure x) {
        subjects.add(x.subjectId());
        latencies.add(x.latencyMs());
        exposures++;
        tokens += x.llmTokens();
        fallbacks += x.fallback() ? 1 : 0;
    }

    void did(String type) {
        switch (type) {
            case "play" -> plays++;
            case "skip" -> skips++;
            case "like" -> likes++;
            case "complete" -> completes++;
            case "save" -> saves++;
            case Outcome.REFINE -> refinements++;
            case Outcome.REMOVE -> removals++;
            default -> {
                // dislikes count toward no metric yet
            }
        }
    }

    int exposures() {
        return exposures;
    }

    List<Double> latencies() {
        return latencies;
    }

    /** Tracks started: play events, or skips and completions where a client sends those without a play. */
    private int started() {
        return Math.max(plays, skips + completes);
    }

    /** This listener's value of a metric, or NaN when they have none (nothing started, for a rate of plays). */
    double value(Metric metric) {
        int playlists = subjects.size();
        return switch (metric) {
            case SKIP_RATE -> ratio(skips, started());
            case LIKE_RATE -> ratio(likes, started());
            case COMPLETION_RATE -> ratio(completes, started());
            case SAVE_RATE -> ratio(saves, started());
            case PLAYS_PER_PLAYLIST -> ratio(plays, playlists);
            case REFINEMENT_RATE -> ratio(refinements, playlists);
            case REMOVALS_PER_PLAYLIST -> ratio(removals, playlists);
            case FALLBACK_RATE -> ratio(fallbacks, exposures);
            case LLM_TOKENS_PER_PLAYLIST -> ratio(tokens, exposures);
            case P95_LATENCY_MS -> throw new IllegalArgumentException("p95 latency is taken over exposures");
        };
    }

    private static double ratio(double count, int of) {
        return of == 0 ? Double.NaN : count / of;
    }
}
