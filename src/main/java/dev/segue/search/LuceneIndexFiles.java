package dev.segue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The embedded index on disk, under its root: the live index ({@code current/}, see {@link IndexLayout}) and
 * {@code manifest.json}. A build writes {@code building/} and swaps it in; the manifest goes first and comes back
 * last, so a crash in between reads as "no index" and rebuilds. A crashed build leaves {@code building/} with the
 * vectors it finished, and the next build of the same recipe carries on from there.
 */
final class LuceneIndexFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    LuceneIndexFiles(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    IndexLayout current() {
        return new IndexLayout(root.resolve("current"));
    }

    private IndexLayout building() {
        return new IndexLayout(root.resolve("building"));
    }

    private Path manifestFile() {
        return root.resolve("manifest.json");
    }

    /** The manifest of a complete index, or empty when there is none (or it cannot be read: that means rebuild). */
    Optional<IndexManifest> manifest() {
        try {
            if (!Files.isRegularFile(manifestFile())
                    || !Files.isDirectory(current().tracksDir())) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(manifestFile().toFile(), IndexManifest.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Optional<String> fingerprint() {
        return manifest().map(IndexManifest::fingerprint);
    }

    /**
     * A directory for a new build. One left by an interrupted build of the same recipe keeps its finished vectors
     * (see {@link DistinctTexts}); anything else there is cleared.
     */
    IndexLayout startBuilding(SourceStamp recipe) throws IOException {
        IndexLayout building = building();
        boolean resumable = recipe != null
                && Files.isRegularFile(building.recipeFile())
                && recipe.equals(JSON.readValue(building.recipeFile().toFile(), SourceStamp.class));
        if (resumable) {
            building.clearAllButVectors();
        } else {
            IndexLayout.deleteRecursively(building.dir());
            Files.createDirectories(building.dir());
            if (recipe != null) {
                JSON.writeValue(building.recipeFile().toFile(), recipe);
            }
        }
        return building;
    }

    /** Makes the live index read as missing, so the next open builds it again. */
    void dropManifest() throws IOException {
        Files.deleteIfExists(manifestFile());
    }

    /** Replaces the live index with the finished build, then writes its manifest. Nothing may have it open. */
    void swapIn(IndexManifest manifest) throws IOException {
        Files.deleteIfExists(manifestFile());
        IndexLayout building = building();
        Files.deleteIfExists(building.recipeFile());
        Files.deleteIfExists(building.doneFile());
        IndexLayout.deleteRecursively(current().dir());
        IndexLayout.deleteRecursively(root.resolve("lucene")); // the single-index layout before lucene-doc-v2
        Files.move(building.dir(), current().dir(), StandardCopyOption.ATOMIC_MOVE);
        writeManifest(manifest);
    }

    /** Records a manifest for the live index (a new build's, or the same index with its source's new stamp). */
    void writeManifest(IndexManifest manifest) throws IOException {
        Path tmp = root.resolve("manifest.json.tmp");
        JSON.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, manifestFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
