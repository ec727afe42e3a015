package dev.segue.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.segue.playlist.Playlist;

/**
 * A playlist shown under one or more experiments: the playlist's own JSON plus {@code experiment}, {@code {id, arm}}
 * for one experiment or a list of them for several. A playlist under none is answered as before, without the field.
 */
public record ExperimentalPlaylist(@JsonUnwrapped Playlist playlist, Object experiment) {

    /** Where the listener is in one experiment; no arm (and why) when the experiment does not apply. */
    public record Placement(String id, String arm, String notInExperiment) {}
}
