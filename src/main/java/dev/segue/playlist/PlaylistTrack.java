package dev.segue.playlist;

import dev.segue.catalog.Track;
import java.util.List;

/** A track as it appears in a playlist: its catalog facts, its place, and why it is there. */
public record PlaylistTrack(
        int position,
        String id,
        String title,
        String artist,
        String album,
        Integer year,
        double durationSec,
        List<String> genres,
        List<String> moods,
        List<String> instruments,
        String url,
        String license,
        String reason,
        double score) {

    public static PlaylistTrack of(int position, Track track, String reason, double score) {
        return new PlaylistTrack(
                position,
                track.id(),
                track.title(),
                track.artist(),
                track.album(),
                track.year(),
                track.durationSec(),
                track.genres(),
                track.moods(),
                track.instruments(),
                track.url(),
                track.license(),
                reason,
                Math.round(score * 1000) / 1000.0);
    }

    /** The same track at another position (the tracks after a removed one move up). */
    PlaylistTrack at(int otherPosition) {
        return new PlaylistTrack(
                otherPosition,
                id,
                title,
                artist,
                album,
                year,
                durationSec,
                genres,
                moods,
                instruments,
                url,
                license,
                reason,
                score);
    }
}
