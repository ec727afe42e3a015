package dev.segue.eval.spotify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.segue.eval.Suite;
import dev.segue.eval.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playlists suite from a tiny Spotify fixture: which playlists, in which order, and YAML the loader reads back. */
class PlaylistsSuiteWriterTest {

    private static final SpotifyData FIXTURE = new SpotifyData(Path.of("src/test/resources/spotify-fixture"));

    @TempDir
    Path dir;

    @Test
    void keepsTitledPlaylistsWithEnoughCatalogTracksRoundRobinOverGenres() throws IOException {
        assertNull(FIXTURE.missingFile());
        List<PlaylistsSuiteWriter.Chosen> chosen = PlaylistsSuiteWriter.choose(FIXTURE, 10, 2);
        // rap has one track, the second rock playlist no title; pop, rock, then pop's second
        assertEquals(
                List.of("pl000000pop1", "pl000000rck1", "pl000000pop2"),
                chosen.stream().map(PlaylistsSuiteWriter.Chosen::id).toList());
        assertEquals(List.of("t4", "t5"), chosen.get(2).trackIds(), "only catalog tracks");
        assertEquals("post-teen pop", chosen.get(2).subgenre());
        assertEquals(2, PlaylistsSuiteWriter.choose(FIXTURE, 2, 2).size());
    }

    @Test
    void theSuiteLoadsBackWithTheTitlesAsPromptsAndTheTracksAsReference() throws IOException {
        Path file = dir.resolve("playlists.yaml");
        Files.writeString(file, PlaylistsSuiteWriter.yaml(PlaylistsSuiteWriter.choose(FIXTURE, 10, 2)));
        Suite suite = SuiteLoader.load(file);
        assertEquals("playlists", suite.name());
        assertEquals(3, suite.cases().size());
        Suite.Case quoted = suite.cases().get(2);
        assertEquals("pop-loud-00pop2", quoted.id());
        assertEquals("Pop, \"Loud\" 🤩", quoted.turns().get(0).prompt());
        assertEquals(List.of("spotify:t4", "spotify:t5"), quoted.relevant());
        assertEquals(List.of("pop", "post-teen pop"), quoted.labels());
    }
}
