package dev.segue.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.segue.diversity.DiversityReport;
import dev.segue.planner.Intent;
import dev.segue.trace.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a playlist. Refining or removing a track makes a new version; earlier ones stay readable.
 * {@code prompt} is the first prompt, {@code refinements} the changes asked since, in order. {@code trace} and
 * {@code diversity} (how varied this version is, docs/diversity.md) come only with {@code ?trace=true}.
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
        Trace trace,
        DiversityReport diversity) {

    /** A version as it is made and stored: its diversity is measured when it is read with its trace. */
    public Playlist(
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
        this(
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
                notes,
                createdAt,
                trace,
                null);
    }

    /** The same version with other notes. */
    Playlist withNotes(List<String> otherNotes) {
        return copy(otherNotes, trace, diversity);
    }

    /** The next version with other tracks (a removal, an extension): same prompt, title and intent; one note. */
    Playlist next(List<PlaylistTrack> tracks, String note, Trace trace) {
        double total = tracks.stream().mapToDouble(PlaylistTrack::durationSec).sum();
        return new Playlist(
                id,
                version + 1,
                prompt,
                refinements,
                title,
                description,
                planner,
                ranker,
                tracks,
                Math.round(total * 10) / 10.0,
                intent,
                new ArrayList<>(List.of(note)),
                PlaylistVersions.timestamp(),
                trace);
    }

    public Playlist withoutTrace() {
        return copy(notes, null, null);
    }

    /** This version with its trace and how varied it is. */
    Playlist withDiversity(DiversityReport report) {
        return copy(notes, trace, report);
    }

    public List<String> trackIds() {
        return tracks.stream().map(PlaylistTrack::id).toList();
    }

    /** This version with other notes, trace and diversity, the parts that change after it is made. */
    private Playlist copy(List<String> otherNotes, Trace otherTrace, DiversityReport otherDiversity) {
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
                otherTrace,
                otherDiversity);
    }
}
