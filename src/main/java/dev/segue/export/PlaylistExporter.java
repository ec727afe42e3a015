package dev.segue.export;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistTrack;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Writes a playlist version in one of the {@link ExportFormat}s. */
@ApplicationScoped
public class PlaylistExporter {

    private final Catalog catalog;
    private final M3u8Writer m3u8;
    private final XspfWriter xspf;
    private final JspfWriter jspf;

    PlaylistExporter(Catalog catalog, M3u8Writer m3u8, XspfWriter xspf, JspfWriter jspf) {
        this.catalog = catalog;
        this.m3u8 = m3u8;
        this.xspf = xspf;
        this.jspf = jspf;
    }

    public String export(Playlist playlist, ExportFormat format) {
        ExportedPlaylist exported = new ExportedPlaylist(
                playlist.title(),
                playlist.description(),
                playlist.tracks().stream().map(this::exported).toList());
        return switch (format) {
            case M3U8 -> m3u8.write(exported);
            case XSPF -> xspf.write(exported);
            case JSPF -> jspf.write(exported);
        };
    }

    /**
     * The audio URL when the catalog has one for the track, else the track URL the playlist holds (also when the
     * track has left the catalog since this version was made).
     */
    private ExportedTrack exported(PlaylistTrack track) {
        String audio = catalog.find(track.id()).map(Track::audioUrl).orElse(null);
        return new ExportedTrack(
                track.title(),
                track.artist(),
                track.album(),
                track.durationSec(),
                audio != null ? audio : track.url(),
                track.reason());
    }

    /** What every format writes: the playlist's title and description and its entries in order. */
    record ExportedPlaylist(String title, String description, List<ExportedTrack> tracks) {}
}
