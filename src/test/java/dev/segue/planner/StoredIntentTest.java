package dev.segue.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.config.StrictJson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intents are stored inside playlist versions and DJ sessions. planner/stored-intents.jsonl was written by the
 * version before Intent was split into smaller records (one line per stored intent, with the prompt it came from):
 * every line must read back into the intent the parser makes of that prompt today and write back byte for byte.
 */
@QuarkusTest
class StoredIntentTest {

    /** One line of the fixture; the last line has no prompt and holds an intent with every field set. */
    record StoredIntent(String prompt, String refinement, Intent intent) {}

    @Inject
    IntentParser parser;

    @Inject
    ObjectMapper mapper;

    @Test
    void intentsWrittenByThePreviousVersionReadBackEqualAndWriteBackIdentically() throws IOException {
        ObjectMapper storage = StrictJson.lenient(mapper); // what PlaylistRepository and DjStore use
        List<String> lines = fixture();
        assertEquals(12, lines.size(), "the fixture has one intent per line");
        for (String line : lines) {
            StoredIntent stored = storage.readValue(line, StoredIntent.class);
            assertEquals(expected(stored), stored.intent(), line);
            assertEquals(line, storage.writeValueAsString(stored));
        }
    }

    private Intent expected(StoredIntent stored) {
        if (stored.prompt() == null) {
            return everyFieldSet();
        }
        Intent parsed = parser.parse(stored.prompt());
        return stored.refinement() == null ? parsed : parser.refine(parsed, stored.refinement());
    }

    private static Intent everyFieldSet() {
        return new Intent(
                new Intent.Tags(
                        List.of(
                                new TagGroup("calm", List.of("calm", "relaxing"), "synonym", 1.0, true),
                                new TagGroup("studying", List.of("ambient"), "activity", 0.6, false)),
                        List.of("rock", "voice")),
                new Intent.Artists(List.of("Jahzzar"), List.of("Kevin MacLeod"), List.of("Someone Else")),
                new Intent.Era(1995, 2005),
                new Intent.Feel(Energy.MEDIUM, "studying", true, true, true),
                new Intent.Size(null, 45),
                List.of(new MixIn("jazz", List.of("jazz"), null, 0.3), new MixIn("Jahzzar", List.of(), "Jahzzar", 0.3)),
                new Intent.Wording("calm, studying", List.of("xylophonia"), List.of("a note")));
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = StoredIntentTest.class.getResourceAsStream("/planner/stored-intents.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }
}
