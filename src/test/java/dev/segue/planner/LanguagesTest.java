package dev.segue.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same tests in six languages: planner/languages/expectations.csv says what each prompt must be read as, and
 * en.csv, es.csv, pt.csv, fr.csv, de.csv and it.csv say every prompt in their language, under the same ids.
 */
@QuarkusTest
class LanguagesTest {

    @Inject
    IntentParser parser;

    static List<Arguments> prompts() throws IOException {
        Map<String, String> expectations = rows("expectations.csv");
        List<Arguments> out = new ArrayList<>();
        for (Language language : Language.values()) {
            rows(language.code() + ".csv")
                    .forEach((id, prompt) -> out.add(Arguments.of(language, id, prompt, expectations.get(id))));
        }
        return out;
    }

    @Test
    void everyLanguageSaysEveryPrompt() throws IOException {
        Map<String, String> expectations = rows("expectations.csv");
        assertTrue(expectations.size() >= 20, expectations.keySet().toString());
        for (Language language : Language.values()) {
            assertEquals(expectations.keySet(), rows(language.code() + ".csv").keySet(), language.code());
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("prompts")
    void readsThePromptInItsLanguage(Language language, String id, String prompt, String checks) {
        String[] turns = prompt.split(">>");
        Intent intent = parser.parse(turns[0].trim());
        assertEquals(language, intent.language(), "language of " + turns[0]);
        for (int i = 1; i < turns.length; i++) {
            intent = parser.refine(intent, turns[i].trim());
        }
        for (String check : checks.split(";")) {
            assertHolds(intent, check.trim(), prompt);
        }
    }

    @ParameterizedTest
    @CsvSource({"calmer", "softer", "darker"})
    void anEnglishInflectionIsEnglishThoughAnotherLanguageHasTheWord(String refinement) {
        // "calmer" is also French ("to calm"): read as French, it left "energetic electronic" as energetic as before
        Intent base = parser.parse("energetic electronic");
        assertEquals(Language.EN, parser.parse(refinement).language(), refinement);
        assertEquals(Language.EN, parser.refine(base, refinement).language(), refinement);
    }

    @ParameterizedTest
    @CsvSource({"no saxophon", "sin saxofón", "ohne Saxophon", "pas de saxophone"})
    void aMisspeltEnglishMusicWordCountsForEnglish(String refinement) {
        // "saxophon" is German: "no saxophon" read as German asked for more saxophone ("no" is no German negation)
        Intent refined = parser.refine(parser.parse("jazz for a dinner party"), refinement);
        assertTrue(refined.excludeTags().contains("saxophone"), refinement + " read as " + refined);
    }

    @Test
    void calmerMakesAnEnergeticPlaylistCalm() {
        Intent calmer = parser.refine(parser.parse("energetic electronic"), "calmer");
        assertEquals(Energy.LOW, calmer.energy(), calmer.toString());
    }

    private static void assertHolds(Intent intent, String check, String prompt) {
        String[] kv = check.split("=", 2);
        String value = kv.length > 1 ? kv[1] : null;
        String seen = prompt + " [" + check + "] read as " + intent;
        switch (kv[0]) {
            case "include" ->
                assertTrue(intent.include().stream().anyMatch(g -> g.tags().contains(value)), seen);
            case "exclude" -> {
                assertTrue(intent.excludeTags().contains(value), seen);
                assertTrue(intent.include().stream().noneMatch(g -> g.tags().contains(value)), seen);
            }
            case "activity" -> assertEquals(value, intent.activity(), seen);
            case "energy" -> assertEquals(Energy.valueOf(value), intent.energy(), seen);
            case "length" -> assertEquals(Integer.valueOf(value), intent.length(), seen);
            case "minutes" -> assertEquals(Integer.valueOf(value), intent.durationMinutes(), seen);
            case "noVocals" -> assertTrue(intent.noVocals(), seen);
            case "decade" ->
                assertTrue(
                        intent.include().stream()
                                .anyMatch(
                                        g -> g.kind().equals("era") && g.tags().equals(List.of(value))),
                        seen);
            default -> throw new IllegalArgumentException("unknown check " + check);
        }
    }

    /** The rows of a file under planner/languages/: id, then the rest of the line. */
    private static Map<String, String> rows(String file) throws IOException {
        try (InputStream in = LanguagesTest.class.getClassLoader().getResourceAsStream("planner/languages/" + file)) {
            Map<String, String> out = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> out.put(
                            l.substring(0, l.indexOf('|')).trim(),
                            l.substring(l.indexOf('|') + 1).trim()));
            return out;
        }
    }
}
