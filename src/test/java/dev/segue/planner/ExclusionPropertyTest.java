package dev.segue.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.planner.ExclusionCases.Case;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every way of ruling something out (planner/exclusions/phrasings.csv, six languages) and every tag family (genre,
 * mood, instrument; three tags each), the tag is excluded, no wish asks for it, and the wish before it still stands.
 * ExclusionPlaylistTest checks the playlists themselves.
 */
@QuarkusTest
class ExclusionPropertyTest {

    @Inject
    IntentParser parser;

    static List<Case> cases() {
        return ExclusionCases.all();
    }

    @Test
    void everyLanguageRulesOutEveryFamily() {
        List<Case> all = cases();
        Set<String> covered =
                all.stream().map(c -> c.language() + " " + c.family()).collect(Collectors.toSet());
        assertEquals(6 * 3, covered.size(), covered.toString());
        assertTrue(all.size() >= 500, "cases: " + all.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTagIsRuledOutAndWishedForNowhere(Case c) {
        Intent intent = parser.parse(c.prompt());
        String seen = c.prompt() + " read as " + intent;
        assertEquals(c.language(), intent.language().code(), seen);
        assertTrue(intent.excludeTags().contains(c.tag()), seen);
        assertTrue(intent.include().stream().noneMatch(g -> g.tags().contains(c.tag())), seen);
        assertFalse(intent.requiredGroups().isEmpty(), "the wish before the exclusion stands: " + seen);
    }
}
