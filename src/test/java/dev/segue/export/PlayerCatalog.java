package dev.segue.export;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A six-track catalog whose audio_url points at short WAV files under target/players (the test makes them with
 * sox), with titles and names that need escaping in every format.
 */
public class PlayerCatalog implements QuarkusTestProfile {

    static final Path DIR = Path.of("target", "players").toAbsolutePath();
    static final int TRACKS = 6;

    static Path audio(int n) {
        return DIR.resolve("tone-" + n + ".wav");
    }

    static String title(int n) {
        return "Tone " + n + " & \"Friends\" <live> 🎵";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Path catalog = DIR.resolve("catalog.csv");
        List<String> rows = new ArrayList<>(List.of("id,title,artist,duration_sec,genres,moods,instruments,audio_url"));
        for (int n = 1; n <= TRACKS; n++) {
            rows.add("tone-" + n + "," + csv(title(n)) + "," + csv("Ärtist " + n + ", the band")
                    + ",1,ambient,calm,synthesizer," + audio(n).toUri());
        }
        try {
            Files.createDirectories(DIR);
            Files.write(catalog, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "segue.catalog.path", catalog.toString(),
                "segue.catalog.format", "csv",
                "segue.data-dir", "target/test-data-players");
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
