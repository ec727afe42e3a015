package dev.segue.tools.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** Where reports go: one file per run, named by when it started, so runs never overwrite each other. */
public final class ReportFiles {

    /** The tools' --out default, relative to the repository root, where the launchers run the tools. */
    public static final String DEFAULT_DIR = "target/bench";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReportFiles() {}

    /** E.g. {@code bench-20261124-051655.md} for prefix "bench", suffix ".md". */
    public static String name(String prefix, TemporalAccessor started, String suffix) {
        return prefix + "-" + STAMP.format(started) + suffix;
    }

    public static Path write(Path dir, String fileName, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(fileName), content);
    }
}
