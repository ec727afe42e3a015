package dev.segue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded index on disk, under its root: the Lucene directory ({@code lucene/}) and {@code manifest.json} (the
 * fingerprint, count, dimension and build time). A build writes {@code lucene-building/} beside the live directory and
 * swaps it in; the manifest goes first and comes back last, so a crash in between reads as "no index" and rebuilds.
 */
final class LuceneIndexFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    LuceneIndexFiles(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    Path indexDir() {
        return root.resolve("lucene");
    }

    private Path manifestFile() {
        return root.resolve("manifest.json");
    }

    /** The fingerprint of a complete index, or empty when there is none (or its manifest cannot be read). */
    Optional<String> fingerprint() {
        try {
            if (!Files.isRegularFile(manifestFile()) || !Files.isDirectory(indexDir())) {
                return Optional.empty();
            }
            Map<?, ?> manifest = JSON.readValue(manifestFile().toFile(), Map.class);
            Object value = manifest.get("fingerprint");
            return value == null ? Optional.empty() : Optional.of(value.toString());
        } catch (IOException e) {
            return Optional.empty(); // an unreadable manifest means "rebuild", never "fail to start"
        }
    }

    Map<String, Object> manifest() {
        try {
            return Files.isRegularFile(manifestFile())
                    ? JSON.readValue(manifestFile().toFile(), Map.class)
                    : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Writes one document per track into a new directory beside the live one, and returns it. */
    Path write(List<Track> tracks, List<float[]> vectors, Analyzer analyzer, ProgressBar progress) throws IOException {
        Path building = root.resolve("lucene-building");
        deleteRecursively(building);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(512) // one flush, one segment: no HNSW merge work
                .setUseCompoundFile(false);
        progress.total(tracks.size());
        try (FSDirectory directory = FSDirectory.open(building);
                IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < tracks.size(); i++) {
                writer.addDocument(LuceneDocuments.document(tracks.get(i), vectors.get(i)));
                if (i % 500 == 0) {
                    progress.update(i, "tracks");
                }
            }
            writer.commit();
        }
        progress.update(tracks.size(), "tracks");
        return building;
    }

    /** What the manifest of a build records. */
    static Map<String, Object> manifest(String fingerprint, List<Track> tracks, List<float[]> vectors) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("fingerprint", fingerprint);
        manifest.put("count", tracks.size());
        manifest.put("dimension", vectors.isEmpty() ? 0 : vectors.get(0).length);
        manifest.put("builtAt", Instant.now().toString());
        return manifest;
    }

    /** The first step of a swap: from now until {@link #swapIn} ends, the index reads as missing. */
    void dropManifest() throws IOException {
        Files.deleteIfExists(manifestFile());
    }

    /** Replaces the live directory with the built one, then writes its manifest. Nothing may have it open. */
    void swapIn(Path building, Map<String, Object> manifest) throws IOException {
        deleteRecursively(indexDir());
        Files.move(building, indexDir(), StandardCopyOption.ATOMIC_MOVE);
        Path tmp = root.resolve("manifest.json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), manifest);
        Files.move(tmp, manifestFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
