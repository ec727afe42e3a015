package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Would a listener trust these playlists? For each prompt in quality/prompts.csv, the share of the 20 tracks whose
 * catalog tags answer every part of the prompt must reach its minimum. Results go to target/quality/offline.md.
 */
@QuarkusTest
class PlaylistQualityTest {

    record Case(String prompt, List<Set<String>> groups, double minimum) {
        @Override
        public String toString() {
            return prompt;
        }
    }

    private static final List<String> REPORT = new ArrayList<>();

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = PlaylistQualityTest.class.getClassLoader().getResourceAsStream("quality/prompts.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                List<Set<String>> groups = Arrays.stream(parts[1].split(";"))
                        .map(g -> Set.copyOf(Arrays.asList(g.trim().split("\\s+")))).toList();
                out.add(new Case(parts[0].trim(), groups, Double.parseDouble(parts[2].trim())));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tracksAnswerThePrompt(Case c) {
        List<Map<String, Object>> tracks = given().contentType(ContentType.JSON).body(Map.of("prompt", c.prompt()))
                .when().post("/api/playlists").then().statusCode(201).extract().jsonPath().getList("tracks");
        assertEquals(20, tracks.size(), c.prompt());
        int fitting = 0;
        Map<String, Integer> perArtist = new HashMap<>();
        for (Map<String, Object> t : tracks) {
            Set<String> tags = new HashSet<>(PlaylistApiTest.tags(t));
            if (c.groups().stream().allMatch(g -> g.stream().anyMatch(tags::contains))) {
                fitting++;
            }
            perArtist.merge(t.get("artist").toString(), 1, Integer::sum);
            assertTrue(!t.get("reason").toString().isBlank());
        }
        double precision = fitting / (double) tracks.size();
        synchronized (REPORT) {
            REPORT.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", c.prompt(), precision, c.minimum()));
        }
        assertTrue(perArtist.values().stream().allMatch(n -> n <= 2), perArtist.toString());
        assertTrue(precision >= c.minimum(), c.prompt() + ": precision " + precision + " < " + c.minimum());
    }

    @Test
    void exclusionsHoldEvenWhenTheyCutDeep() {
        List<Map<String, Object>> tracks = given().contentType(ContentType.JSON)
                .body(Map.of("prompt", "calm instrumental music, no piano, nothing sad")).when().post("/api/playlists")
                .then().statusCode(201).extract().jsonPath().getList("tracks");
        assertEquals(20, tracks.size());
        for (Map<String, Object> t : tracks) {
            List<String> tags = PlaylistApiTest.tags(t);
            assertTrue(tags.stream().noneMatch(List.of("piano", "electricpiano", "voice", "sad")::contains), tags.toString());
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path out = Path.of("target", "quality", "offline.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("| prompt | precision | minimum |", "|---|---|---|"));
        lines.addAll(REPORT.stream().sorted().toList());
        Files.write(out, lines);
    }
}
