package dev.segue.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Response bodies recorded from the real service (src/test/resources/bodies), so tests read what it really sends. */
public final class Bodies {

    private Bodies() {}

    public static String read(String name) {
        try (InputStream in = Bodies.class.getResourceAsStream("/bodies/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
