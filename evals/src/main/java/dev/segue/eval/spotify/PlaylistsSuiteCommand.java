package dev.segue.eval.spotify;

import dev.segue.eval.ExitCode;
import dev.segue.eval.SuiteCommand.AtLeastOne;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code make-playlists-suite}: writes evals/suites/playlists.yaml from the Spotify songs in
 * ../shared/data/spotify-30k-songs. Exits 0 without writing when the data is absent (the runner then skips the suite,
 * and says so).
 */
@Command(
        name = "make-playlists-suite",
        description = "Writes the Spotify playlists suite: one case per real playlist, its title as the prompt and its"
                + " tracks as the reference.",
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeOnExecutionException = ExitCode.USAGE_OR_SETUP)
public class PlaylistsSuiteCommand implements Callable<Integer> {

    @Mixin
    SpotifyDataOption data;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "120",
            converter = AtLeastOne.class,
            description = "playlists to keep, spread evenly over the six playlist genres (default ${DEFAULT-VALUE})")
    int max;

    @Option(
            names = "--min-tracks",
            paramLabel = "N",
            defaultValue = "10",
            converter = AtLeastOne.class,
            description = "skip playlists with fewer catalog tracks (default ${DEFAULT-VALUE})")
    int minTracks;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "evals/suites/playlists.yaml",
            description = "default ${DEFAULT-VALUE}")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        SpotifyData spotify = data.spotify();
        Path missing = spotify.missingFile();
        if (missing != null) {
            console.println("playlists suite: " + missing + " not found, so " + out + " was not (re)generated; the"
                    + " runner skips the suite while the Spotify catalog is absent. Set SEGUE_SHARED_DATA or --data.");
            return 0;
        }
        List<PlaylistsSuiteWriter.Chosen> chosen = PlaylistsSuiteWriter.choose(spotify, max, minTracks);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, PlaylistsSuiteWriter.yaml(chosen), StandardCharsets.UTF_8);
        Set<String> genres = new LinkedHashSet<>();
        chosen.forEach(p -> genres.add(p.genre()));
        int tracks = chosen.stream().mapToInt(p -> p.trackIds().size()).sum();
        console.printf(
                "playlists suite: wrote %s: %d playlists (%s), %d reference tracks%n",
                out, chosen.size(), String.join(", ", genres), tracks);
        return 0;
    }
}
