package dev.segue.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Misspelt words are read as the music words they are close to, with a note, in English and in the other languages;
 * ordinary English words never are (planner/ordinary-english-words.txt: the words of a dictionary that are close to a
 * music word), nor are words too short to tell.
 */
@QuarkusTest
class TypoTest {

    @Inject
    IntentParser parser;

    @ParameterizedTest(name = "{0}: {1} as {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "relxing paino for sleep | paino | piano",
                "relxing paino for sleep | relxing | relaxing",
                "calm pinao music | pinao | piano",
                "energetic rokc for the gym | rokc | rock",
                "relaxing acoustc guitar | acoustc | acoustic",
                "epic orchestrel soundtrack | orchestrel | orchestral",
                "melancholic chello | chello | cello",
                "romantic jzaz for dinner | jzaz | jazz",
                "meditatve new age | meditatve | meditative",
                "upbeat electornic music | electornic | electronic",
                "dark ambiant soundscapes | ambiant | ambient",
                "clasical music for studying | clasical | classical",
                "raggae for the beach | raggae | reggae",
                "ruhige Klavir Musik zum Einschlafen | klavir | klavier",
                "guitara acústica relajante | guitara | guitarra",
                "musique électronqiue pour danser | electronqiue | electronique",
                "pianoforte rilasante | rilasante | rilassante"
            })
    void aMisspeltWordIsReadAsTheWordItIsCloseTo(String prompt, String typo, String word) {
        Intent intent = parser.parse(prompt);
        assertTrue(
                intent.notes().contains("read \"" + typo + "\" as \"" + word + "\""), prompt + ": " + intent.notes());
        assertTrue(intent.unmatched().isEmpty(), prompt + ": " + intent.unmatched());
    }

    @Test
    void aMisspeltWordMeansWhatTheWordMeans() {
        Intent typo = parser.parse("relxing paino for sleep");
        Intent right = parser.parse("relaxing piano for sleep");
        assertEquals(right.include(), typo.include());
        assertEquals(right.queryText(), typo.queryText());
        assertEquals(right.activity(), typo.activity());
    }

    @Test
    void aMisspeltArtistAfterACueIsReadAsTheArtist() {
        Intent intent = parser.parse("songs by jahzar");
        assertEquals(List.of("Jahzzar"), intent.artists());
        assertTrue(
                intent.notes().contains("read \"jahzar\" as \"Jahzzar\""),
                intent.notes().toString());
    }

    @Test
    void ordinaryEnglishWordsAreNeverCorrected() throws IOException {
        List<String> words = ordinaryWords();
        assertTrue(words.size() >= 300, "ordinary words: " + words.size());
        List<String> corrected = new ArrayList<>();
        for (String word : words) {
            for (String prompt : List.of(word, "calm " + word + " music")) {
                Intent intent = parser.parse(prompt);
                if (intent.notes().stream().anyMatch(n -> n.startsWith("read \"" + word + "\" as \""))) {
                    corrected.add(word + " " + intent.notes());
                }
            }
        }
        assertEquals(List.of(), corrected);
    }

    @ParameterizedTest
    @CsvSource({"jaz", "rok", "pno", "xylophonia", "zzzz"})
    void shortOrFarWordsAreLeftAlone(String word) {
        Intent intent = parser.parse("calm " + word);
        assertTrue(
                intent.notes().stream().noneMatch(n -> n.startsWith("read \"" + word + "\" as \"")),
                intent.notes().toString());
    }

    private static List<String> ordinaryWords() throws IOException {
        try (InputStream in =
                TypoTest.class.getClassLoader().getResourceAsStream("planner/ordinary-english-words.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|")[0].trim())
                    .toList();
        }
    }
}
