package dev.segue.tools.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The listener prompts the load generators send: one a line, '#' comments and blank lines ignored. */
public final class PromptFile {

    /** Relative to the repository root, where the launchers run the tools. */
    public static final String DEFAULT = "tools/bench/prompts.txt";

    private PromptFile() {}

    /** The prompts; a missing, unreadable or empty file is a bad option (exit code 2), not a failed run. */
    public static List<String> read(Path file, CommandLine command) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(
                    command,
                    "cannot read prompts file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<String> prompts = lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        if (prompts.isEmpty()) {
            throw new ParameterException(command, "no prompts in " + file);
        }
        return prompts;
    }
}
