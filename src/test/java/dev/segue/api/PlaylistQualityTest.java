package dev.segue.api;

import static dev.segue.Quantifiers.assertEvery;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Would a listener trust these playlists? For each prompt in quality/prompts.csv, the share of the 20 tracks whose
 * catalog tags answer every part of the prompt must reach its minimum, with the transformer ranker (options.ranker
 * auto) and without it (none); with it, the mean must not be lower. Results go to target/quality/offline.md.
 */
@QuarkusTest
class PlaylistQualityTest {

    record Case(String prompt, List<Set<String>> groups, double minimum) {
        @Override
        public String toString() {
            return prompt;
        }
    }

    private static final Map<String, Map<String, Double>> PRECISION = new TreeMap<>();
    private static final Map<String, Double> MINIMUM = new HashMap<>();

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = PlaylistQualityTest.class.getClassLoader().getResourceAsStream("quality/prompts.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                List<Set<String>> groups = Arrays.stream(parts[1].split(";"))
                        .map(g -> Set.copyOf(Arrays.asList(g.trim().split("\\s+"))))
                        .toList();
                out.add(new Case(parts[0].trim(), groups, Double.parseDouble(parts[2].trim())));
            }
        }
        return out;
    }

    static List<Arguments> casesByRanker() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            for (String ranker : List.of("auto", "none")) {
                out.add(Arguments.of(c, ranker));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} (ranker {1})")
    @MethodSource("casesByRanker")
    void tracksAnswerThePrompt(Case c, String ranker) {
        List<Map<String, Object>> tracks = Api.create(Map.of("prompt", c.prompt(), "options", Map.of("ranker", ranker)))
                .getList("tracks");
        assertEquals(20, tracks.size(), c.prompt());
        int fitting = 0;
        Map<String, Integer> perArtist = new HashMap<>();
        for (Map<String, Object> t : tracks) {
            Set<String> tags = new HashSet<>(Api.tags(t));
            if (c.groups().stream().allMatch(g -> g.stream().anyMatch(tags::contains))) {
                fitting++;
            }
            perArtist.merge(t.get("artist").toString(), 1, Integer::sum);
            assertTrue(!t.get("reason").toString().isBlank());
        }
        double precision = fitting / (double) tracks.size();
        synchronized (PRECISION) {
            PRECISION.computeIfAbsent(c.prompt(), k -> new HashMap<>()).put(ranker, precision);
            MINIMUM.put(c.prompt(), c.minimum());
        }
        assertEvery(perArtist.values(), n -> n <= 2, "at most 2 per artist");
        assertTrue(precision >= c.minimum(), c.prompt() + ": precision " + precision + " < " + c.minimum());
    }

    @Test
    void exclusionsHoldEvenWhenTheyCutDeep() {
        List<Map<String, Object>> tracks = Api.create(
                        Map.of("prompt", "calm instrumental music, no piano, nothing sad"))
                .getList("tracks");
        assertEquals(20, tracks.size());
        for (Map<String, Object> t : tracks) {
            List<String> tags = Api.tags(t);
            assertTrue(
                    tags.stream().noneMatch(List.of("piano", "electricpiano", "voice", "sad")::contains),
                    tags.toString());
        }
    }

    @AfterAll
    static void writeReportAndCompareRankers() throws IOException {
        Path out = Path.of("target", "quality", "offline.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of(
                "| prompt | precision, ranker auto | precision, ranker none | minimum |", "|---|---:|---:|---:|"));
        double auto = 0;
        double none = 0;
        int both = 0;
        for (Map.Entry<String, Map<String, Double>> e : PRECISION.entrySet()) {
            Double a = e.getValue().get("auto");
            Double n = e.getValue().get("none");
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.2f |",
                    e.getKey(),
                    a == null ? "-" : String.format(Locale.ROOT, "%.2f", a),
                    n == null ? "-" : String.format(Locale.ROOT, "%.2f", n),
                    MINIMUM.get(e.getKey())));
            if (a != null && n != null) {
                auto += a;
                none += n;
                both++;
            }
        }
        lines.add(String.format(
                Locale.ROOT, "| **mean** | %.3f | %.3f | |", auto / Math.max(1, both), none / Math.max(1, both)));
        Files.write(out, lines);
        assertTrue(
                auto >= none - 1e-9,
                "with the ranker, mean precision " + auto / both + " < " + none / both + " without");
    }
}
