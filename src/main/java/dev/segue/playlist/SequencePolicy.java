package dev.segue.playlist;

import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import dev.segue.search.Candidate;
import dev.segue.search.TrackVectors;
import dev.segue.sequence.NextTracks;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When the sequence model orders a playlist: a first version with seed tracks ({@code options.sequence} auto, the
 * default, and a model loaded), and every extension. Its best next tracks join the pool and come first, in its
 * order; the assembler still applies the hard constraints and its rules, and fills up from the usual ranking.
 */
@ApplicationScoped
class SequencePolicy {

    /** How many next tracks the model offers: enough for 100 tracks under an artist cap and exclusions. */
    static final int OFFERED = 500;

    static final String NONE = "none";

    /** How the assembler's notes name the model's order. */
    static final String PREFERRED_BY = "the sequence model's next tracks";

    /** The pool widened by the model's next tracks, and their order (best first). */
    record Continuation(List<Candidate> pool, List<String> order) {}

    private final NextTracks next;
    private final TrackVectors vectors;

    SequencePolicy(NextTracks next, TrackVectors vectors) {
        this.next = next;
        this.vectors = vectors;
    }

    boolean available() {
        return next.available();
    }

    /** Whether a version with these settings is ordered by the model, said in the trace either way. */
    boolean orders(PlaylistSpec spec, boolean refined, Trace trace) {
        boolean uses = available() && !refined && !spec.seedTrackIds().isEmpty() && !NONE.equals(spec.sequence());
        String why = uses
                ? "sequence model " + next.name() + " orders this playlist after "
                        + spec.seedTrackIds().size() + " seed tracks"
                : "sequence: none (" + reason(spec, refined) + ")";
        trace.note("sequence", 0, why);
        return uses;
    }

    private String reason(PlaylistSpec spec, boolean refined) {
        if (NONE.equals(spec.sequence())) {
            return "options.sequence none";
        }
        if (!available()) {
            return "no sequence model loaded";
        }
        return refined ? "a refined version" : "no seed tracks";
    }

    /**
     * What plays after {@code sequence} under {@code title}: the model's best {@link #OFFERED} tracks (never one in
     * {@code exclude}) added to {@code pool}, and their order.
     */
    Continuation continuation(
            String title,
            List<String> sequence,
            Set<String> exclude,
            List<Candidate> pool,
            float[] queryVector,
            Trace trace) {
        long start = System.nanoTime();
        List<NextTracks.Next> best = next.next(title, sequence, exclude, OFFERED);
        Set<String> pooled = new HashSet<>();
        pool.forEach(c -> pooled.add(c.track().id()));
        List<Candidate> wider = new ArrayList<>(pool);
        List<String> order = new ArrayList<>(best.size());
        for (NextTracks.Next n : best) {
            Track track = n.track();
            order.add(track.id());
            if (pooled.add(track.id())) {
                wider.add(new Candidate(track, similarity(queryVector, track), false, "sequence"));
            }
        }
        trace.note(
                "sequence",
                Trace.millisSince(start),
                String.format(
                        Locale.ROOT,
                        "%s ranked the catalog after %d tracks; its best %d lead the playlist",
                        next.name(),
                        sequence.size(),
                        order.size()));
        return new Continuation(wider, order);
    }

    private double similarity(float[] queryVector, Track track) {
        float[] vector = vectors.of(track);
        return queryVector == null || vector == null ? 0 : Vectors.dot(queryVector, vector);
    }
}
