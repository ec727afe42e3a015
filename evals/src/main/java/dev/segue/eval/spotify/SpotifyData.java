package dev.segue.eval.spotify;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TidyTuesday Spotify songs as shared/data/spotify-30k-songs holds them (SOURCE.md there): the playlists, their
 * tracks in order, and the catalog. Read with Jackson's CSV reader (quoted fields may hold commas and newlines).
 */
public final class SpotifyData {

    static final String PLAYLISTS = "playlists.csv";
    static final String PLAYLIST_TRACKS = "playlist_tracks.csv";
    static final String CATALOG = "tracks_unique.csv";

    /** A playlist of playlists.csv; {@code genres} and {@code subgenres} are "|"-separated. */
    record Playlist(String id, String name, String genres, String subgenres) {}

    private static final CsvMapper CSV = new CsvMapper();

    private final Path dir;

    SpotifyData(Path dir) {
        this.dir = dir;
    }

    /** The folder named by $SEGUE_SHARED_DATA (default ../shared/data), as the suites name it. */
    static Path defaultDir() {
        return Path.of(System.getenv().getOrDefault("SEGUE_SHARED_DATA", "../shared/data"), "spotify-30k-songs");
    }

    Path dir() {
        return dir;
    }

    /** The first of the three files that is not there, or null when all are. */
    Path missingFile() {
        for (String name : List.of(PLAYLISTS, PLAYLIST_TRACKS, CATALOG)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    Path catalogFile() {
        return dir.resolve(CATALOG);
    }

    /** In file order. */
    List<Playlist> playlists() throws IOException {
        List<Playlist> out = new ArrayList<>();
        for (Map<String, String> row : rows(PLAYLISTS)) {
            out.add(new Playlist(
                    row.get("playlist_id"),
                    row.get("playlist_name"),
                    row.get("playlist_genres"),
                    row.get("playlist_subgenres")));
        }
        return out;
    }

    /** Playlist id to its Spotify track ids, in the order of playlist_tracks.csv (playlists by first appearance). */
    Map<String, List<String>> tracksByPlaylist() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, String> row : rows(PLAYLIST_TRACKS)) {
            out.computeIfAbsent(row.get("playlist_id"), k -> new ArrayList<>()).add(row.get("track_id"));
        }
        return out;
    }

    /** The Spotify track ids of the catalog file. */
    Set<String> catalogIds() throws IOException {
        Set<String> ids = new HashSet<>();
        rows(CATALOG).forEach(row -> ids.add(row.get("track_id")));
        return ids;
    }

    private List<Map<String, String>> rows(String file) throws IOException {
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(dir.resolve(file).toFile())) {
            return it.readAll();
        }
    }
}
