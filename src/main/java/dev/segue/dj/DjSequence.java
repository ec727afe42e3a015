package dev.segue.dj;

import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.sequence.NextTracks;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the sequence model says plays next in a DJ session: the session's played tracks (skipped ones left out) are the
 * sequence, its vibe and the pending one-segment wish the title. Its best next tracks join the pool and their fit is
 * raised by their rank there; the chooser's energy arc, transitions and no-repeat rules decide as before. While an
 * energy request holds the model steps aside.
 */
@ApplicationScoped
class DjSequence {

    /** How many next tracks join the pool. */
    static final int OFFERED = 100;
    /** The model's best track gains this share of the pool's score range; the 100th about nothing. */
    static final double WEIGHT = 0.5;
    /** The energy bias from which a request outweighs smoothness in the chooser, and pauses the sequence here. */
    static final double ENERGY_REQUEST = 0.1;

    /** The model's next tracks, and how strongly each one follows (1 = its best, towards 0 = its last). */
    record Continuation(List<Candidate> candidates, Map<String, Double> strength) {
        static final Continuation NONE = new Continuation(List.of(), Map.of());
    }

    private final NextTracks next;

    DjSequence(NextTracks next) {
        this.next = next;
    }

    Continuation continuation(DjState s, Set<String> exclude, Trace trace) {
        List<String> played = s.history().played().stream()
                .filter(id -> !s.history().skipped().contains(id))
                .toList();
        if (!next.available() || played.isEmpty()) {
            return Continuation.NONE;
        }
        if (Math.abs(s.energyBias()) >= ENERGY_REQUEST) {
            // "More energy" asks to leave where the session has been: the sequence would pull it back.
            trace.note("sequence", 0, "sequence: paused while an energy request holds");
            return Continuation.NONE;
        }
        long start = System.nanoTime();
        String title = s.wishes().focusNext().isEmpty()
                ? s.vibe()
                : s.vibe() + ", " + String.join(", ", s.wishes().focusNext());
        List<NextTracks.Next> best = next.next(title, played, exclude, OFFERED);
        List<Candidate> candidates = new ArrayList<>(best.size());
        Map<String, Double> strength = new HashMap<>();
        for (int i = 0; i < best.size(); i++) {
            candidates.add(new Candidate(best.get(i).track(), 0, false, "sequence"));
            strength.put(best.get(i).track().id(), 1.0 - i / (double) OFFERED);
        }
        trace.note(
                "sequence",
                Trace.millisSince(start),
                String.format(
                        Locale.ROOT, "%s: %d next tracks after %d played", next.name(), best.size(), played.size()));
        return new Continuation(candidates, strength);
    }

    /** The ranked pool with the model's next tracks raised by how strongly they follow. */
    static List<ScoredTrack> favour(List<ScoredTrack> ranked, Continuation continuation) {
        if (continuation.strength().isEmpty() || ranked.isEmpty()) {
            return ranked;
        }
        double max = ranked.stream().mapToDouble(ScoredTrack::score).max().orElse(1);
        double min = ranked.stream().mapToDouble(ScoredTrack::score).min().orElse(0);
        double range = Math.max(1e-6, max - min);
        return ranked.stream()
                .map(t -> t.withScore(t.score()
                        + WEIGHT
                                * range
                                * continuation.strength().getOrDefault(t.track().id(), 0.0)))
                .toList();
    }
}
