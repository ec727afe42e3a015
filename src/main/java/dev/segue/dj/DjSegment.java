package dev.segue.dj;

import dev.segue.playlist.PlaylistTrack;
import java.time.Instant;
import java.util.List;

/**
 * One segment of a DJ session: what the host says, the next 2–4 tracks, their mean energy (0..1), the energy the
 * session's arc asked for, and why these tracks. {@code segment} numbers start at 1 and are the SSE event ids.
 */
public record DjSegment(
        int segment,
        String intro,
        List<PlaylistTrack> tracks,
        double energy,
        double targetEnergy,
        String reason,
        Instant createdAt) {

    public DjSegment {
        tracks = List.copyOf(tracks);
    }
}
