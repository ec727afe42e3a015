package dev.segue.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a catalog comes from: a file (CSV or JSONL, optionally gzip-compressed) or the demo catalog shipped on the
 * classpath. {@code format} null means "detect from the header"; {@code columnMapping} renames source columns to
 * canonical ones (canonical name → source column).
 */
public record CatalogSource(String location, CatalogFormat format, Map<String, String> columnMapping) {

    public static final String DEMO = "classpath:catalog/jamendo-sd11k.csv.gz";

    public CatalogSource {
        columnMapping = columnMapping == null ? Map.of() : Map.copyOf(columnMapping);
    }

    /**
     * From settings: a path (blank means the demo catalog), a format name (auto, jamendo, spotify, csv, jsonl) and
     * an optional .properties file whose entries map canonical column names to the file's own column names.
     */
    public static CatalogSource of(String path, String format, String mappingFile) throws IOException {
        if (path == null || path.isBlank()) {
            return demo();
        }
        if (!Files.isRegularFile(Path.of(path))) {
            throw new IOException("catalog file not found: " + path);
        }
        Map<String, String> mapping = Map.of();
        if (mappingFile != null && !mappingFile.isBlank()) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(mappingFile))) {
                properties.load(in);
            }
            Map<String, String> m = new HashMap<>();
            properties.forEach((k, v) -> m.put(k.toString().trim(), v.toString().trim()));
            mapping = m;
        }
        return new CatalogSource(path, CatalogFormat.parse(format), mapping);
    }

    /** A short name for descriptions: "Jamendo" for the demo, else the file name. */
    public String displayName() {
        if (isDemo()) {
            return "Jamendo";
        }
        return Path.of(location).getFileName().toString().replaceAll("\\.(csv|jsonl|json)(\\.gz)?$", "");
    }

    public static CatalogSource demo() {
        return new CatalogSource(DEMO, CatalogFormat.JAMENDO, Map.of());
    }

    public boolean isDemo() {
        return DEMO.equals(location);
    }

    public InputStream open() throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = getClass().getClassLoader().getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("catalog resource not found: " + location);
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }

    /** Size in bytes for progress, or -1 when unknown. */
    public long size() {
        try {
            if (location.startsWith("classpath:")) {
                URL url = getClass().getClassLoader().getResource(location.substring("classpath:".length()));
                return url == null ? -1 : url.openConnection().getContentLengthLong();
            }
            return Files.size(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + location, e);
        }
    }
}
