package dev.segue.playlist;

import dev.segue.planner.Intent;
import java.util.List;

/**
 * How long a playlist is and how many tracks one artist may have: request fields win over the prompt's own words
 * ("10 songs"), the prompt's numbers are clamped to {@link Playlists}' limits with a note, and with neither the
 * default track count applies.
 */
final class SizeTargets {

    private SizeTargets() {}

    /** How many tracks a planner should find: the length asked, a quarter of the minutes asked, or the default. */
    static int expectedTracks(Integer length, Integer durationMinutes) {
        return length != null
                ? length
                : durationMinutes != null
                        ? Math.max(Playlists.MIN_TRACKS, durationMinutes / 4)
                        : Playlists.DEFAULT_TRACKS;
    }

    /** The intent with the size the playlist aims for; "the prompt asked for N" notes when its numbers were clamped. */
    static Intent withTarget(Intent intent, Integer requestedLength, Integer requestedMinutes, List<String> notes) {
        Integer length = requestedLength;
        Integer minutes = requestedMinutes;
        if (length == null && minutes == null) {
            length = intent.length();
            minutes = intent.durationMinutes();
            if (length != null && (length < Playlists.MIN_TRACKS || length > Playlists.MAX_TRACKS)) {
                int clamped = Math.max(Playlists.MIN_TRACKS, Math.min(Playlists.MAX_TRACKS, length));
                notes.add("the prompt asked for " + length + " tracks; playlists hold " + Playlists.MIN_TRACKS + " to "
                        + Playlists.MAX_TRACKS + ", so it has " + clamped);
                length = clamped;
            }
            if (minutes != null && (minutes < Playlists.MIN_MINUTES || minutes > Playlists.MAX_MINUTES)) {
                int clamped = Math.max(Playlists.MIN_MINUTES, Math.min(Playlists.MAX_MINUTES, minutes));
                notes.add("the prompt asked for " + minutes + " minutes; playlists last " + Playlists.MIN_MINUTES
                        + " to " + Playlists.MAX_MINUTES + ", so it targets " + clamped);
                minutes = clamped;
            }
        }
        if (length == null && minutes == null) {
            length = Playlists.DEFAULT_TRACKS;
        }
        return intent.withTarget(length, length != null ? null : minutes);
    }

    /** What the assembler fills: a duration when the intent has one, else a track count, within the limits. */
    static Assembler.Target target(Intent intent, PlaylistSpec spec) {
        int maxPerArtist = maxPerArtist(spec, intent);
        if (intent.durationMinutes() != null) {
            int minutes = Math.max(Playlists.MIN_MINUTES, Math.min(Playlists.MAX_MINUTES, intent.durationMinutes()));
            return new Assembler.Target(Playlists.MAX_TRACKS, minutes * 60, maxPerArtist);
        }
        int length = intent.length() == null ? Playlists.DEFAULT_TRACKS : intent.length();
        return new Assembler.Target(
                Math.max(Playlists.MIN_TRACKS, Math.min(Playlists.MAX_TRACKS, length)), null, maxPerArtist);
    }

    /** At most two per artist by default; a prompt that asks for named artists only lifts the limit. */
    static int maxPerArtist(PlaylistSpec spec, Intent intent) {
        if (spec.maxPerArtist() != null) {
            return spec.maxPerArtist();
        }
        return intent.artists().isEmpty() ? Playlists.DEFAULT_MAX_PER_ARTIST : Playlists.MAX_TRACKS;
    }
}
