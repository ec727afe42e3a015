package dev.segue.dj;

import dev.segue.planner.Intent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a DJ session remembers between segments: the vibe and what requests made of it (exclusions stick),
 * every track played (never repeated), feedback, and wishes for the next segment only ("switch it up", "play X",
 * "play some jazz", "more like this").
 */
public record DjState(
        String id,
        String userId,
        String vibe,
        int minutes,
        Instant createdAt,
        Intent intent,
        List<String> played,
        List<String> liked,
        List<String> skipped,
        double energyBias,
        boolean contrastNext,
        String artistNext,
        List<String> focusNext,
        List<String> moreLike,
        double playedSeconds,
        int segments,
        List<String> intros,
        String lastRequest) {

    public DjState {
        played = List.copyOf(played);
        liked = List.copyOf(liked);
        skipped = List.copyOf(skipped);
        moreLike = moreLike == null ? List.of() : List.copyOf(moreLike);
        focusNext = focusNext == null ? List.of() : List.copyOf(focusNext);
        intros = intros == null ? List.of() : List.copyOf(intros);
    }

    /** A builder-style copy, since a session changes a few fields at a time. */
    Mutable edit() {
        return new Mutable(this);
    }

    static final class Mutable {
        String id;
        String userId;
        String vibe;
        int minutes;
        Instant createdAt;
        Intent intent;
        List<String> played;
        List<String> liked;
        List<String> skipped;
        double energyBias;
        boolean contrastNext;
        String artistNext;
        List<String> focusNext;
        List<String> moreLike;
        double playedSeconds;
        int segments;
        List<String> intros;
        String lastRequest;

        Mutable(DjState s) {
            id = s.id;
            userId = s.userId;
            vibe = s.vibe;
            minutes = s.minutes;
            createdAt = s.createdAt;
            intent = s.intent;
            played = new ArrayList<>(s.played);
            liked = new ArrayList<>(s.liked);
            skipped = new ArrayList<>(s.skipped);
            energyBias = s.energyBias;
            contrastNext = s.contrastNext;
            artistNext = s.artistNext;
            focusNext = new ArrayList<>(s.focusNext);
            moreLike = new ArrayList<>(s.moreLike);
            playedSeconds = s.playedSeconds;
            segments = s.segments;
            intros = new ArrayList<>(s.intros);
            lastRequest = s.lastRequest;
        }

        DjState done() {
            return new DjState(
                    id,
                    userId,
                    vibe,
                    minutes,
                    createdAt,
                    intent,
                    played,
                    liked,
                    skipped,
                    energyBias,
                    contrastNext,
                    artistNext,
                    focusNext,
                    moreLike,
                    playedSeconds,
                    segments,
                    intros,
                    lastRequest);
        }
    }
}
