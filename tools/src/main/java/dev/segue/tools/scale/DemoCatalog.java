package dev.segue.tools.scale;

import dev.segue.tools.common.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The catalog the synthetic ones are drawn from: the demo's Jamendo CSV (11,565 real rows), held in memory whole. It is
 * small (2 MB); only the synthetic catalogs, up to millions of rows, must stream.
 */
record DemoCatalog(List<String> header, List<List<String>> rows) {

    /** Where the service keeps it, relative to the repository root (the launchers' directory). */
    static final Path DEFAULT = Path.of("src/main/resources/catalog/jamendo-sd11k.csv.gz");

    static final String GENRES = "genres";
    static final String MOODS = "moods_themes";
    static final String INSTRUMENTS = "instruments";

    static DemoCatalog read(Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Csv.records(reader, records::add);
        }
        if (records.size() < 2) {
            throw new IllegalStateException(file + " has no rows");
        }
        List<String> header = List.copyOf(records.getFirst());
        List<List<String>> rows = records.subList(1, records.size()).stream()
                .filter(row -> row.size() == header.size())
                .map(List::copyOf)
                .toList();
        return new DemoCatalog(header, rows);
    }

    /** The demo file from the repository root, or from tools/ (where Maven runs the tools' tests). */
    static Path locate() {
        Path fromTools = Path.of("..").resolve(DEFAULT);
        return Files.exists(DEFAULT) || !Files.exists(fromTools) ? DEFAULT : fromTools;
    }

    int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("the demo catalog has no column " + name + "; its columns: " + header);
        }
        return index;
    }

    int size() {
        return rows.size();
    }
}
