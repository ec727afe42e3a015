package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listener's words (issue 17): prompts with typos, in Spanish, Portuguese, French, German and Italian, and with
 * loosely phrased exclusions, from quality/listener-words.csv. Each playlist of 20 must reach its share of tracks whose
 * tags answer every part of the prompt, and no track may carry a tag the prompt ruled out. The precision per prompt
 * and per category goes to target/quality/listener-words.md.
 */
@QuarkusTest
class ListenerWordsQualityTest {

    record Case(String category, String prompt, List<Set<String>> groups, Set<String> forbidden, double minimum) {
        @Override
        public String toString() {
            return category + ": " + prompt;
        }
    }

    private static final Map<String, String> REPORT = new TreeMap<>();
    private static final Map<String, List<Double>> BY_CATEGORY = new TreeMap<>();

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in =
                ListenerWordsQualityTest.class.getClassLoader().getResourceAsStream("quality/listener-words.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                List<Set<String>> groups = Arrays.stream(parts[2].split(";"))
                        .map(ListenerWordsQualityTest::words)
                        .toList();
                out.add(new Case(
                        parts[0].trim(),
                        parts[1].trim(),
                        groups,
                        words(parts[3]),
                        Double.parseDouble(parts[4].trim())));
            }
        }
        return out;
    }

    private static Set<String> words(String text) {
        return text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tracksAnswerThePromptAndNeverCarryAnExcludedTag(Case c) {
        List<Map<String, Object>> tracks =
                Api.create(Map.of("prompt", c.prompt())).getList("tracks");
        assertEquals(20, tracks.size(), c.prompt());
        int fitting = 0;
        List<String> leaks = new ArrayList<>();
        for (Map<String, Object> t : tracks) {
            Set<String> tags = new HashSet<>(Api.tags(t));
            if (c.groups().stream().allMatch(g -> g.stream().anyMatch(tags::contains))) {
                fitting++;
            }
            if (c.forbidden().stream().anyMatch(tags::contains)) {
                leaks.add(t.get("title") + " " + tags);
            }
        }
        double precision = fitting / (double) tracks.size();
        synchronized (REPORT) {
            REPORT.put(
                    c.category() + " | " + c.prompt(),
                    String.format(Locale.ROOT, "%.2f | %d | %.2f", precision, leaks.size(), c.minimum()));
            BY_CATEGORY.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(precision);
        }
        assertTrue(leaks.isEmpty(), c.prompt() + ": excluded tags leaked into " + leaks);
        assertTrue(precision >= c.minimum(), c.prompt() + ": precision " + precision + " < " + c.minimum());
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path out = Path.of("target", "quality", "listener-words.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of(
                "| category | prompt | precision | tracks with an excluded tag | minimum |",
                "|---|---|---:|---:|---:|"));
        REPORT.forEach((key, value) -> lines.add("| " + key + " | " + value + " |"));
        lines.add("");
        lines.add("| category | prompts | mean precision |");
        lines.add("|---|---:|---:|");
        BY_CATEGORY.forEach((category, values) -> lines.add(String.format(
                Locale.ROOT,
                "| %s | %d | %.3f |",
                category,
                values.size(),
                values.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        Files.write(out, lines);
    }
}
