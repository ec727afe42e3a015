package dev.segue.api;

import static dev.segue.Quantifiers.assertNone;

import dev.segue.planner.ExclusionCases;
import dev.segue.planner.ExclusionCases.Case;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No playlist holds a tag its prompt ruled out, however it was ruled out: every phrasing of every language
 * (planner/exclusions/phrasings.csv) with one tag of each family (genre, mood, instrument), the tags taken in turn.
 */
@QuarkusTest
class ExclusionPlaylistTest {

    static List<Case> cases() {
        return ExclusionCases.onePerFamily();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noTrackCarriesTheExcludedTag(Case c) {
        List<Map<String, Object>> tracks =
                Api.create(Map.of("prompt", c.prompt())).getList("tracks");
        assertNone(tracks, t -> Api.tags(t).contains(c.tag()), c.prompt() + ": a track tagged " + c.tag());
    }
}
