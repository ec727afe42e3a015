package dev.segue.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts a data dir from an index Segue already built of the same catalog, instead of embedding it again (about a
 * minute for the demo catalog on 2 cores). The service checks the copy's fingerprint and rebuilds one that does not
 * fit its catalog, so a stale or foreign copy costs time, never correctness.
 */
public final class IndexSeed {

    private static final String MANIFEST = "manifest.json";

    private IndexSeed() {}

    /**
     * Copies {@code index} (an index folder: lucene/ and manifest.json) into {@code dataDir}/index when that has none
     * and the source is complete. The manifest goes last, as the service writes it: a copy cut short reads as "no
     * index" and is rebuilt. Lucene's write.lock is left behind (it marks the source's own writer, if any).
     */
    public static boolean copyIfAbsent(Path index, Path dataDir) throws IOException {
        Path target = dataDir.resolve("index");
        if (Files.exists(target) || !Files.isRegularFile(index.resolve(MANIFEST))) {
            return false;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(index)) {
            files = walk.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .filter(p -> !p.equals(index.resolve(MANIFEST)))
                    .toList();
        }
        for (Path from : files) {
            Path to = target.resolve(index.relativize(from).toString());
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        }
        Files.copy(index.resolve(MANIFEST), target.resolve(MANIFEST));
        return true;
    }
}
