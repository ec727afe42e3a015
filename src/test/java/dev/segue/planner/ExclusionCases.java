package dev.segue.planner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exclusion prompts for the property tests: every phrasing of planner/exclusions/phrasings.csv with every tag of
 * tags.csv in the same language, after that language's wish (bases.csv): "calm music, without any piano". {@link
 * #all} is the whole product; {@link #onePerFamily} takes one tag per family and phrasing, in turn, so that every tag
 * is still used.
 */
public final class ExclusionCases {

    /** One prompt, and the catalog tag no track of its playlist may carry. */
    public record Case(String language, String family, String tag, String prompt) {
        @Override
        public String toString() {
            return language + " " + family + " " + tag + ": " + prompt;
        }
    }

    private record Tag(String language, String family, String tag, String word) {}

    private ExclusionCases() {}

    public static List<Case> all() {
        return cases(false);
    }

    public static List<Case> onePerFamily() {
        return cases(true);
    }

    private static List<Case> cases(boolean onePerFamily) {
        Map<String, String> bases = new HashMap<>();
        rows("bases.csv").forEach(r -> bases.put(r[0], r[1]));
        List<Tag> tags = rows("tags.csv").stream()
                .map(r -> new Tag(r[0], r[1], r[2], r[3]))
                .toList();
        List<Case> out = new ArrayList<>();
        int turn = 0;
        for (String[] phrasing : rows("phrasings.csv")) {
            Map<String, List<Tag>> byFamily = new HashMap<>();
            tags.stream()
                    .filter(t -> t.language().equals(phrasing[0]))
                    .forEach(t -> byFamily.computeIfAbsent(t.family(), k -> new ArrayList<>())
                            .add(t));
            for (List<Tag> family : byFamily.values()) {
                List<Tag> chosen = onePerFamily ? List.of(family.get(turn % family.size())) : family;
                for (Tag t : chosen) {
                    String prompt = bases.get(t.language()) + " " + phrasing[1].replace("{x}", t.word());
                    out.add(new Case(t.language(), t.family(), t.tag(), prompt));
                }
            }
            turn++;
        }
        return out;
    }

    private static List<String[]> rows(String file) {
        String resource = "planner/exclusions/" + file;
        try (InputStream in = ExclusionCases.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|"))
                    .map(parts -> {
                        for (int i = 0; i < parts.length; i++) {
                            parts[i] = parts[i].trim();
                        }
                        return parts;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
