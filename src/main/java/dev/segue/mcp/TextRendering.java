package dev.segue.mcp;

import dev.segue.api.DjResource;
import dev.segue.api.TrackResource;
import dev.segue.dj.DjSegment;
import dev.segue.dj.DjService;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistTrack;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The short text beside a tool's structuredContent, for clients that show text only: what a person would want to
 * read first (titles, ids, the tracks), never the whole JSON.
 */
final class TextRendering {

    private TextRendering() {}

    static String of(Object answer) {
        return switch (answer) {
            case Playlist p ->
                "\"" + p.title() + "\" (playlist " + p.id() + ", version " + p.version() + ", "
                        + p.tracks().size() + " tracks, " + Math.round(p.totalDurationSec() / 60) + " min)\n"
                        + tracks(p.tracks());
            case TrackResource.SearchResult r ->
                r.count() + " tracks\n"
                        + r.tracks().stream()
                                .map(f -> "- " + f.track().artist() + " – "
                                        + f.track().title() + " [" + f.track().id() + "]")
                                .collect(Collectors.joining("\n"));
            case DjService.Opened o -> "DJ session " + o.id() + " started: " + o.vibe() + ", " + o.minutes() + " min";
            case DjSegment s -> "Segment " + s.segment() + ": " + s.intro() + "\n" + tracks(s.tracks());
            case DjResource.Interpretation i -> i.interpretation();
            default -> String.valueOf(answer);
        };
    }

    private static String tracks(List<PlaylistTrack> tracks) {
        return tracks.stream()
                .map(t -> t.position() + ". " + t.artist() + " – " + t.title() + " [" + t.id() + "]")
                .collect(Collectors.joining("\n"));
    }
}
