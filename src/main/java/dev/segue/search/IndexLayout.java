package dev.segue.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the parts of one embedded index live under a directory: the tracks index ({@code tracks/}), the vectors index
 * ({@code vectors/}), the vector file ({@code vectors.f32}) and the catalog snapshot ({@code catalog.bin}); a build in
 * progress also keeps its recipe and the record of which vectors are done, so it can resume.
 */
record IndexLayout(Path dir) {

    Path tracksDir() {
        return dir.resolve("tracks");
    }

    Path vectorsDir() {
        return dir.resolve("vectors");
    }

    Path vectorFile() {
        return dir.resolve("vectors.f32");
    }

    Path snapshotFile() {
        return dir.resolve("catalog.bin");
    }

    /** A build's recipe (source and versions): a later build resumes this one's vectors only if it is the same. */
    Path recipeFile() {
        return dir.resolve("recipe.json");
    }

    /** Which vector ordinals are on disk, as of the last checkpoint. */
    Path doneFile() {
        return dir.resolve("vectors.done");
    }

    /** Removes the Lucene indexes and the snapshot, keeping the vectors a resumed build can reuse. */
    void clearAllButVectors() throws IOException {
        deleteRecursively(tracksDir());
        deleteRecursively(vectorsDir());
        Files.deleteIfExists(snapshotFile());
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
