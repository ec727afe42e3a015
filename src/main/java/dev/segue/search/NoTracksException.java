package dev.segue.search;

import java.io.IOException;

/** A catalog file in which no row became a track: there is nothing to index. */
public final class NoTracksException extends IOException {

    NoTracksException(String location) {
        super("no track of " + location + " was accepted; nothing to index");
    }
}
