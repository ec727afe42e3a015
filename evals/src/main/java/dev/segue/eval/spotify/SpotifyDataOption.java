package dev.segue.eval.spotify;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: where the Spotify songs are, the same option in every command that reads them (a picocli mixin). */
final class SpotifyDataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "the spotify-30k-songs folder (default: the one in $SEGUE_SHARED_DATA, else in"
                    + " ../shared/data)")
    Path dir;

    /** The songs in the folder given, else in the default one. */
    SpotifyData spotify() {
        return new SpotifyData(dir != null ? dir : SpotifyData.defaultDir());
    }
}
