package dev.segue.playlist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.planner.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How titles and descriptions are written in one language, from playlist/wording/&lt;code&gt;.json (data, so a
 * language is added or reworded without code): templates with {name} holes, the words for "and" and "or", how a
 * phrase of the prompt is quoted, title or sentence case, and how an activity is named (where the file has no name
 * for it, by the prompt's own words).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Phrasing(
        boolean titleCase,
        Set<String> smallWords,
        String and,
        String or,
        String quote,
        Map<String, String> title,
        Map<String, String> activities,
        Map<String, String> description) {

    static Phrasing load(Language language) {
        String resource = "playlist/wording/" + language.code() + ".json";
        try (InputStream in = Phrasing.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, Phrasing.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    String title(String template, Map<String, String> values) {
        return fill(title.get(template), values);
    }

    String description(String template, Map<String, String> values) {
        return fill(description.get(template), values);
    }

    String description(String template) {
        return description.get(template);
    }

    /** "Calm Piano" in a language that title-cases, "Piano relajante" in one that does not. */
    String titled(String words) {
        return titleCase ? Wording.titleCase(words, smallWords) : Wording.capitalize(words);
    }

    Optional<String> activity(String name) {
        return Optional.ofNullable(name).map(activities::get);
    }

    String quoted(String phrase) {
        return quote.replace("{phrase}", phrase);
    }

    String joinAnd(List<String> items) {
        return Wording.join(items, and);
    }

    String joinOr(List<String> items) {
        return Wording.join(items, or);
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue());
        }
        return out;
    }
}
