package dev.segue.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The programs from Debian's packages that read our exports (a player, an XML parser) and make test audio; found on
 * the PATH, never downloaded. A test that needs a missing one skips with {@link #missing}.
 */
final class Consumers {

    static final String SOX = "sox";
    static final String MPV = "mpv";
    static final String VLC = "cvlc";
    static final String XMLLINT = "xmllint";
    static final String NODE = "node";
    static final String NPM = "npm";

    /** video.js's m3u8-parser, pinned by its lock file; installed under target/ from the npm registry. */
    private static final Path M3U8_CHECK_SOURCE = Path.of("src", "test", "node", "m3u8-check");

    private static final Path M3U8_CHECK = Path.of("target", "m3u8-check").toAbsolutePath();

    private Consumers() {}

    static Optional<Path> find(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static boolean installed(String... programs) {
        return Arrays.stream(programs).allMatch(p -> find(p).isPresent());
    }

    static String missing(String... programs) {
        return "export consumer test skipped: it needs " + String.join(", ", programs)
                + " (apt-get install sox mpv vlc-bin vlc-plugin-base libxml2-utils, which .ci/run installs; Node.js"
                + " with npm for the M3U8 parser)";
    }

    /** Runs a program to its end (at most a minute) and answers its exit code and everything it printed. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("segue-consumer", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after a minute: " + command);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * VLC will not run as root (CI containers often are): there it runs as nobody, which can read the world-readable
     * files the test writes.
     */
    static List<String> asUnprivileged(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp/segue-vlc-home"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The m3u8-check script with its locked dependencies installed, or why it could not be installed. */
    static Result installM3u8Check() throws IOException, InterruptedException {
        Files.createDirectories(M3U8_CHECK);
        for (String file : List.of("package.json", "package-lock.json", "parse.mjs")) {
            Files.copy(M3U8_CHECK_SOURCE.resolve(file), M3U8_CHECK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return run(List.of(NPM, "ci", "--no-audit", "--no-fund", "--prefix", M3U8_CHECK.toString()));
    }

    static Path m3u8CheckScript() {
        return M3U8_CHECK.resolve("parse.mjs");
    }

    record Result(int exitCode, String output) {}
}
