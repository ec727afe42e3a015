package dev.segue.search;

import dev.segue.catalog.CatalogSource;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * A catalog file as it stands (where, how big, when last changed) and how it would be indexed (format, column
 * mapping, model, track text, layout). Equal stamps mean the index built from the file still fits it without
 * reading the file, as make and rsync trust size and time; any change reads it again.
 */
record SourceStamp(String location, long size, long modified, String recipe) {

    static SourceStamp of(CatalogSource source, String schema) throws IOException {
        String recipe = source.format() + "|" + new TreeMap<>(source.columnMapping()) + "|" + TextEmbedder.MODEL_ID
                + "|" + TrackText.VERSION + "|" + schema;
        if (source.location().startsWith("classpath:")) {
            URL url = SourceStamp.class
                    .getClassLoader()
                    .getResource(source.location().substring("classpath:".length()));
            if (url == null) {
                throw new IOException("catalog resource not found: " + source.location());
            }
            var connection = url.openConnection();
            return new SourceStamp(
                    source.location(), connection.getContentLengthLong(), connection.getLastModified(), recipe);
        }
        Path file = Path.of(source.location()).toAbsolutePath();
        return new SourceStamp(
                file.toString(),
                Files.size(file),
                Files.getLastModifiedTime(file).toMillis(),
                recipe);
    }
}
