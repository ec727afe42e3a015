package dev.segue.export;

import dev.segue.export.PlaylistExporter.ExportedPlaylist;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Extended M3U in UTF-8: {@code #EXTM3U}, then per track {@code #EXTINF:<seconds>,<artist> - <title>} and its
 * location. Every line break a player would read (and any other control character) in a value becomes a space, so
 * a title can never start a line of its own.
 */
@ApplicationScoped
class M3u8Writer {

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    String write(ExportedPlaylist playlist) {
        StringBuilder out = new StringBuilder("#EXTM3U\n");
        if (playlist.title() != null) {
            out.append("#PLAYLIST:").append(oneLine(playlist.title())).append('\n');
        }
        for (ExportedTrack track : playlist.tracks()) {
            if (track.location() == null) {
                continue; // an entry is its location; without one a player has nothing to open
            }
            out.append("#EXTINF:")
                    .append(Math.round(track.durationSec()))
                    .append(',')
                    .append(oneLine(track.artist() + " - " + track.title()))
                    .append('\n')
                    .append(oneLine(track.location()))
                    .append('\n');
        }
        return out.toString();
    }

    static String oneLine(String value) {
        return LINE_BREAKING.matcher(value).replaceAll(" ").strip();
    }
}
