package dev.segue.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.segue.planner.Intent;
import dev.segue.trace.Trace;
import java.time.Instant;
import java.util.List;

/**
 * One version of a playlist. Refining or removing a track makes a new version; earlier ones stay readable.
 * {@code prompt} is the first prompt, {@code refinements} the changes asked since, in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Playlist(
        String id,
        int version,
        String prompt,
        List<String> refinements,
        String title,
        String description,
        String planner,
        String ranker,
        List<PlaylistTrack> tracks,
        double totalDurationSec,
        Intent intent,
        List<String> notes,
        Instant createdAt,
        Trace trace) {

    /** The same version with other notes. */
    Playlist withNotes(List<String> otherNotes) {
        return copy(otherNotes, trace);
    }

    public Playlist withoutTrace() {
        return copy(notes, null);
    }

    /** This version with other notes and trace, the two parts that change after it is made. */
    private Playlist copy(List<String> otherNotes, Trace otherTrace) {
        return new Playlist(
                id,
                version,
                prompt,
                refinements,
                title,
                description,
                planner,
                ranker,
                tracks,
                totalDurationSec,
                intent,
                otherNotes,
                createdAt,
                otherTrace);
    }
}
