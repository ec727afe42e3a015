package dev.segue.tools.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutPlaylistsTest {

    private static final Path DATA = Path.of("../../shared/data/spotify-30k-songs");

    @Test
    void theSplitIsTheRankersOwn() {
        // tools/ranker/queries.py playlist_split, run on these titles
        assertEquals("train", HeldOutPlaylists.split("Pop Remix"));
        assertEquals("train", HeldOutPlaylists.split("Dance Pop"));
        assertEquals("test", HeldOutPlaylists.split("Cardio"));
        assertEquals("val", HeldOutPlaylists.split("90s Dance Hits"));
        assertEquals("val", HeldOutPlaylists.split("Best of 2019 Dance Pop: Japan"));
        assertEquals("val", HeldOutPlaylists.split("Pop Inglés (2020 - 2010s)💙 Música En Inglés 2010s"));
        assertEquals("best of 2019 dance pop japan", HeldOutPlaylists.normalisedTitle("Best of 2019 Dance Pop: Japan"));
    }

    @Test
    void theHeldOutPlaylistsAreTheListenersTastes() throws Exception {
        Path dir = Files.isDirectory(DATA) ? DATA : Path.of("..").resolve(DATA);
        assumeTrue(Files.isDirectory(dir), "the Spotify playlists are not here: " + dir.toAbsolutePath());
        List<HeldOutPlaylists.Taste> tastes = HeldOutPlaylists.read(dir);
        assertEquals(107, tastes.size(), "queries.py counts 107 of the 382 playlists outside train");
        for (HeldOutPlaylists.Taste t : tastes) {
            assertFalse("train".equals(HeldOutPlaylists.split(t.title())), t.title());
            assertEquals(
                    1.0,
                    t.words().values().stream().mapToDouble(Double::doubleValue).sum(),
                    1e-9);
        }
        assertTrue(tastes.stream().anyMatch(t -> t.title().equals("Cardio")));
    }
}
