package dev.segue.eval.recording;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A recorded session (evals/recordings/README.md): DIR/recording.json says what was recorded and how to replay it,
 * DIR/exchanges/0001.json, 0002.json, ... hold the provider exchanges in the order they happened.
 */
public record Recording(Manifest manifest, List<Exchange> exchanges) {

    static final String FORMAT = "segue-recording/1";
    static final String MANIFEST = "recording.json";
    static final String EXCHANGES = "exchanges";

    /**
     * {@code baseUrl}: the provider's base URL as Segue had it (no credentials, no query); {@code settings}: the
     * SEGUE_LLM_* settings (no key, no base URL) a replay gives its Segue, so it sends the same model and parameters.
     */
    @JsonPropertyOrder({"format", "suite", "variants", "recordedAt", "baseUrl", "settings", "exchanges"})
    public record Manifest(
            String format,
            String suite,
            List<String> variants,
            String recordedAt,
            String baseUrl,
            Map<String, String> settings,
            int exchanges) {}

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    public static Recording read(Path dir) throws IOException {
        if (!exists(dir)) {
            throw new IOException(
                    dir + " is not a recording (no " + MANIFEST + "; make one with --record " + dir + ")");
        }
        Manifest manifest = Body.JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
        if (!FORMAT.equals(manifest.format())) {
            throw new IOException(dir.resolve(MANIFEST) + ": format is " + manifest.format() + ", expected " + FORMAT);
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (Path file : files(dir.resolve(EXCHANGES))) {
            exchanges.add(Body.JSON.readValue(file.toFile(), Exchange.class));
        }
        exchanges.sort(Comparator.comparingInt(Exchange::seq));
        if (exchanges.size() != manifest.exchanges()) {
            throw new IOException(dir + ": " + MANIFEST + " lists " + manifest.exchanges() + " exchanges, "
                    + dir.resolve(EXCHANGES) + " holds " + exchanges.size());
        }
        return new Recording(manifest, List.copyOf(exchanges));
    }

    /** Writes the recording, replacing the exchanges of an earlier one in the same folder. */
    public void write(Path dir) throws IOException {
        Path folder = dir.resolve(EXCHANGES);
        Files.createDirectories(folder);
        for (Path old : files(folder)) {
            Files.delete(old);
        }
        ObjectWriter pretty = Body.JSON.writerWithDefaultPrettyPrinter();
        for (Exchange e : exchanges) {
            pretty.writeValue(
                    folder.resolve(String.format("%04d.json", e.seq())).toFile(), e);
        }
        pretty.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
