package dev.segue.export;

import java.util.Arrays;
import java.util.Optional;

/** The playlist files a player or another service opens, each with its media type and file extension. */
public enum ExportFormat {
    M3U8("m3u8", "audio/x-mpegurl"),
    XSPF("xspf", "application/xspf+xml"),
    JSPF("jspf", "application/jspf+json");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The name in {@code ?format=}, and the file's extension. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ExportFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(name)).findFirst();
    }
}
