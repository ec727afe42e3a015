package dev.segue.agent;

import dev.segue.config.SegueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned prompt templates: prompts/&lt;name&gt;.&lt;version&gt;.md, read from the prompts directory when it exists
 * (so a prompt engineer edits and reruns without a build), else from the copies packaged in the jar.
 */
@ApplicationScoped
public class Prompts {

    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Path dir;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    Prompts(SegueConfig config) {
        this.dir = Path.of(config.prompts().dir());
    }

    public static boolean isVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    /**
     * The template with each {{name}} replaced by its value, line by line. A line with a placeholder that has no
     * value is left out, so a template can hold the optional parts of a message; values go in as they are, never
     * read as placeholders themselves.
     */
    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        template.lines().forEach(line -> {
            Matcher placeholder = PLACEHOLDER.matcher(line);
            StringBuilder rendered = new StringBuilder();
            while (placeholder.find()) {
                String value = values.get(placeholder.group(1));
                if (value == null) {
                    return;
                }
                placeholder.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(rendered);
            out.append(rendered).append('\n');
        });
        return out.toString();
    }

    /** The template's text, or empty when that version does not exist. */
    public Optional<String> find(String name, String version) {
        if (!isVersion(version)) {
            return Optional.empty();
        }
        String file = name + "." + version + ".md";
        return cache.computeIfAbsent(file, this::read);
    }

    private Optional<String> read(String file) {
        try {
            Path onDisk = dir.resolve(file);
            if (Files.isRegularFile(onDisk)) {
                return Optional.of(Files.readString(onDisk, StandardCharsets.UTF_8));
            }
            try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + file)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + file, e);
        }
    }
}
