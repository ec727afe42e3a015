package dev.segue.export;

/**
 * One entry of an exported playlist: what a player shows and where it finds the audio. {@code location} is null
 * when the catalog holds neither an audio URL nor a track URL; {@code album} when it does not know the album.
 */
record ExportedTrack(String title, String artist, String album, double durationSec, String location, String reason) {

    long durationMs() {
        return Math.round(durationSec * 1000);
    }
}
