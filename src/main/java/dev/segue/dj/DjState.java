package dev.segue.dj;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.segue.planner.Intent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a DJ session remembers between segments, in the parts that change together: the session and its vibe
 * (requests refine the intent; exclusions stick), what has played and the listener's feedback, wishes for the next
 * segment only ("switch it up", "play X", "play some jazz", "more like this"), how far it is, and what the host has
 * said. Stored as JSON with the parts' fields side by side ({@link JsonUnwrapped}), as the first version wrote it.
 */
public record DjState(
        @JsonUnwrapped Session session,
        @JsonUnwrapped History history,
        @JsonUnwrapped Wishes wishes,
        @JsonUnwrapped Progress progress,
        @JsonUnwrapped Host host) {

    /** The intros a session remembers, so that it never says the same one twice. */
    static final int MAX_INTROS_REMEMBERED = 100;

    /** Who opened the session, with what vibe, for how long, and the intent that vibe and later requests make. */
    public record Session(String id, String userId, String vibe, int minutes, Instant createdAt, Intent intent) {
        Session withIntent(Intent refined) {
            return new Session(id, userId, vibe, minutes, createdAt, refined);
        }
    }

    /** Every track played (never repeated), likes and skips, and the energy the listener asked for (it sticks). */
    public record History(List<String> played, List<String> liked, List<String> skipped, double energyBias) {
        public History {
            played = List.copyOf(played);
            liked = List.copyOf(liked);
            skipped = List.copyOf(skipped);
        }

        static final History NONE = new History(List.of(), List.of(), List.of(), 0);

        History withPlayed(List<String> trackIds) {
            return new History(concat(played, trackIds), liked, skipped, energyBias);
        }

        History withLiked(String trackId) {
            return new History(played, concat(liked, List.of(trackId)), skipped, energyBias);
        }

        History withSkipped(String trackId) {
            return new History(played, liked, concat(skipped, List.of(trackId)), energyBias);
        }

        History withEnergyBias(double bias) {
            return new History(played, liked, skipped, bias);
        }

        /** The last {@code count} tracks played. */
        List<String> lastPlayed(int count) {
            return played.subList(Math.max(0, played.size() - count), played.size());
        }
    }

    /** Wishes for the next segment only: a contrast, an artist to open with, tags to focus on, tracks to follow. */
    public record Wishes(boolean contrastNext, String artistNext, List<String> focusNext, List<String> moreLike) {
        public Wishes {
            focusNext = focusNext == null ? List.of() : List.copyOf(focusNext);
            moreLike = moreLike == null ? List.of() : List.copyOf(moreLike);
        }

        static final Wishes NONE = new Wishes(false, null, List.of(), List.of());

        Wishes withContrast() {
            return new Wishes(true, artistNext, focusNext, moreLike);
        }

        Wishes withArtist(String artist) {
            return new Wishes(contrastNext, artist, focusNext, moreLike);
        }

        Wishes withFocus(List<String> tags) {
            return new Wishes(contrastNext, artistNext, tags, moreLike);
        }

        Wishes withMoreLike(List<String> trackIds) {
            return new Wishes(contrastNext, artistNext, focusNext, trackIds);
        }
    }

    /** How much of the session's minutes has played, in how many segments. */
    public record Progress(double playedSeconds, int segments) {
        static final Progress NONE = new Progress(0, 0);

        Progress after(double seconds) {
            return new Progress(playedSeconds + seconds, segments + 1);
        }
    }

    /** What the host has said (the latest {@link DjState#MAX_INTROS_REMEMBERED}), and the request to acknowledge next. */
    public record Host(List<String> intros, String lastRequest) {
        public Host {
            intros = intros == null ? List.of() : List.copyOf(intros);
        }

        static final Host NONE = new Host(List.of(), null);

        /** After an intro: it is remembered, and the request it acknowledged is answered. */
        Host said(String intro) {
            List<String> all = concat(intros, List.of(intro));
            return new Host(all.subList(Math.max(0, all.size() - MAX_INTROS_REMEMBERED), all.size()), null);
        }

        Host withLastRequest(String request) {
            return new Host(intros, request);
        }
    }

    /** A session just opened: nothing played, no feedback, no wishes. */
    static DjState opened(Session session) {
        return new DjState(session, History.NONE, Wishes.NONE, Progress.NONE, Host.NONE);
    }

    /** The session after a segment: its tracks played, the one-segment wishes and the request answered. */
    DjState afterSegment(List<String> trackIds, double seconds, String intro) {
        return new DjState(
                session, history.withPlayed(trackIds), Wishes.NONE, progress.after(seconds), host.said(intro));
    }

    DjState withSession(Session changed) {
        return new DjState(changed, history, wishes, progress, host);
    }

    DjState withHistory(History changed) {
        return new DjState(session, changed, wishes, progress, host);
    }

    DjState withWishes(Wishes changed) {
        return new DjState(session, history, changed, progress, host);
    }

    DjState withHost(Host changed) {
        return new DjState(session, history, wishes, progress, changed);
    }

    // The figures most code (and the API's session view) reads.

    public String id() {
        return session.id();
    }

    public String vibe() {
        return session.vibe();
    }

    public int minutes() {
        return session.minutes();
    }

    public Instant createdAt() {
        return session.createdAt();
    }

    public Intent intent() {
        return session.intent();
    }

    public double energyBias() {
        return history.energyBias();
    }

    public double playedSeconds() {
        return progress.playedSeconds();
    }

    public int segments() {
        return progress.segments();
    }

    /** True once the session's minutes are played. */
    boolean minutesPlayed() {
        return progress.playedSeconds() >= session.minutes() * 60.0;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
