package dev.segue.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs inside the application: the embedding model's native tokenizer can be loaded by one class loader only. */
@QuarkusTest
class IntentParserTest {

    @Inject
    IntentParser parser;

    private static TagGroup group(Intent intent, String phrase) {
        return intent.include().stream()
                .filter(g -> g.phrase().equals(phrase))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group for \"" + phrase + "\" in " + intent.include()));
    }

    @Test
    void calmPianoForStudying() {
        Intent intent = parser.parse("calm piano music to help me focus while studying");
        TagGroup calm = group(intent, "calm");
        assertTrue(calm.required());
        assertTrue(
                calm.tags().containsAll(List.of("calm", "relaxing")),
                calm.tags().toString());
        assertEquals(List.of("piano"), group(intent, "piano").tags());
        TagGroup studying = group(intent, "studying");
        assertEquals("activity", studying.kind());
        assertFalse(studying.required());
        assertEquals(Energy.LOW, intent.energy());
        assertTrue(intent.preferInstrumental());
        assertTrue(intent.excludeTags().isEmpty());
        assertFalse(intent.queryText().contains("help"), intent.queryText());
    }

    @Test
    void negationsBecomeExclusionsAndNeverSearchTerms() {
        Intent intent = parser.parse("late-night drive, synthwave, nothing too dark");
        assertTrue(
                intent.excludeTags().containsAll(List.of("dark", "darkambient", "darkwave")),
                intent.excludeTags().toString());
        assertFalse(intent.queryText().contains("dark"), intent.queryText());
        assertTrue(
                group(intent, "synthwave").tags().contains("synthpop"),
                group(intent, "synthwave").toString());
        assertFalse(group(intent, "synthwave").tags().contains("darkwave"), "an excluded tag must leave every group");
        assertEquals("activity", group(intent, "late night").kind());

        Intent noRock = parser.parse("chill music but no rock and no piano");
        assertTrue(
                noRock.excludeTags().containsAll(List.of("rock", "hardrock", "poprock", "piano", "electricpiano")),
                noRock.excludeTags().toString());
        assertTrue(noRock.include().stream().noneMatch(g -> g.tags().contains("rock")));
    }

    @Test
    void noVocalsRulesOutVocalTags() {
        Intent intent = parser.parse("upbeat workout music, no vocals");
        assertTrue(intent.noVocals());
        assertTrue(
                intent.excludeTags().containsAll(List.of("voice", "rap")),
                intent.excludeTags().toString());
        assertEquals(Energy.HIGH, intent.energy());
        assertTrue(parser.parse("instrumental hip hop").noVocals());
    }

    @Test
    void artistsByNameCueAndNegation() {
        Intent by = parser.parse("songs by Jahzzar");
        assertEquals(List.of("Jahzzar"), by.artists());
        Intent like = parser.parse("something like jahzzar but calmer");
        assertEquals(List.of("Jahzzar"), like.similarToArtists());
        Intent not = parser.parse("electronic music, nothing by Jahzzar");
        assertEquals(List.of("Jahzzar"), not.excludeArtists());
        assertTrue(not.artists().isEmpty());
        // A common word that is also an artist's name is not read as the artist without a cue.
        assertTrue(parser.parse("songs about silence and starlight")
                .similarToArtists()
                .isEmpty());
    }

    @Test
    void anArtistTheCatalogLacksIsReportedNotReadAsTags() {
        Intent intent = parser.parse("songs by Taylor Swift");
        assertTrue(intent.include().isEmpty(), intent.include().toString());
        assertTrue(
                intent.notes().stream().anyMatch(n -> n.contains("no artist called \"taylor swift\"")),
                intent.notes().toString());
        assertTrue(parser.parse("music by the sea").notes().stream().noneMatch(n -> n.contains("no artist")));
    }

    @Test
    void aCalmerRefinementReplacesTheEnergyWish() {
        Intent base = parser.parse("energetic electronic");
        Intent calmer = parser.refine(base, "calmer");
        assertEquals(Energy.LOW, calmer.energy());
        assertTrue(
                calmer.include().stream().noneMatch(g -> g.phrase().equals("energetic")),
                calmer.include().toString());
        assertTrue(calmer.include().stream().anyMatch(g -> g.phrase().equals("electronic") && g.required()));
    }

    @Test
    void orJoinsWishesAndMaybeSoftensThem() {
        Intent intent =
                parser.parse("jazz with a piano or an acoustic guitar, nothing with harsh vocals or heavy drums");
        TagGroup either = group(intent, "piano or acoustic guitar");
        assertTrue(
                either.tags().containsAll(List.of("piano", "acousticguitar")),
                either.tags().toString());
        assertTrue(intent.noVocals());
        assertTrue(
                intent.excludeTags().containsAll(List.of("heavy", "drums")),
                intent.excludeTags().toString());
        TagGroup maybe = group(parser.parse("calm music, maybe some strings"), "strings");
        assertFalse(maybe.required());
    }

    @Test
    void aLongPromptKeepsOnlyItsFirstFacetsRequired() {
        Intent intent = parser.parse("calm piano, sad cello, happy jazz, dark ambient, epic orchestral, funky bass, "
                + "dreamy synthesizer, acoustic guitar");
        assertEquals(5, intent.requiredGroups().size());
        assertTrue(intent.include().size() > 5);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "30 upbeat songs for running | 30 | ",
                "ten calm tracks | 10 | ",
                "an hour of chill jazz | | 60",
                "half an hour of piano | | 30",
                "90 minutes of ambient | | 90",
                "two hours of techno | | 120",
                "an hour and a half of folk | | 90",
                "a few songs for the rain | | ",
                "80s synth pop | | "
            })
    void lengthsAndDurations(String prompt, Integer length, Integer minutes) {
        Intent intent = parser.parse(prompt);
        assertEquals(length, intent.length(), prompt);
        assertEquals(minutes, intent.durationMinutes(), prompt);
    }

    @Test
    void decadesBecomeDecadeTagsWhenTheCatalogHasNoYears() {
        Intent intent = parser.parse("90s electronic");
        TagGroup era = group(intent, "90s");
        assertEquals(List.of("90s"), era.tags());
        assertNull(intent.yearFrom());
        Intent years = parser.parse("rock from 1995 to 2005");
        assertNull(years.yearFrom());
        assertTrue(
                years.notes().stream().anyMatch(n -> n.contains("no release years")),
                years.notes().toString());
    }

    @Test
    void unknownWordsAreInferredFromTagNamesOrReported() {
        Intent intent = parser.parse("sorrowful violin");
        assertTrue(group(intent, "sorrowful").tags().contains("sad"));
        Intent made = parser.parse("melancholic xylophonia");
        assertTrue(made.unmatched().contains("xylophonia")
                || made.include().stream().anyMatch(g -> g.kind().equals("inferred")));
    }

    @Test
    void refinementsApplyOnTopOfThePreviousIntent() {
        Intent base = parser.parse("calm piano music for studying");

        Intent upbeat = parser.refine(base, "more upbeat");
        TagGroup more = group(upbeat, "upbeat");
        assertEquals("refine", more.kind());
        assertFalse(more.required());
        assertEquals(Energy.HIGH, upbeat.energy());
        assertTrue(upbeat.include().stream().anyMatch(g -> g.phrase().equals("piano")), "earlier wishes stay");

        Intent noPiano = parser.refine(base, "no piano");
        assertTrue(noPiano.excludeTags().contains("piano"));
        assertTrue(noPiano.include().stream().noneMatch(g -> g.tags().contains("piano")));

        Intent jazz = parser.refine(base, "add some jazz");
        assertEquals(1, jazz.mixIns().size());
        assertTrue(jazz.mixIns().get(0).tags().contains("jazz"));

        Intent shorter = parser.refine(base.withTarget(20, null), "make it 30 minutes");
        assertEquals(30, shorter.durationMinutes());
        assertNull(shorter.length());

        Intent noArtist = parser.refine(base, "nothing by Jahzzar");
        assertEquals(List.of("Jahzzar"), noArtist.excludeArtists());

        Intent longer = parser.refine(base.withTarget(20, null), "longer");
        assertEquals(30, longer.length());

        Intent twice = parser.refine(noPiano, "more upbeat");
        assertTrue(twice.excludeTags().contains("piano"), "exclusions are always honoured");
        assertEquals(Set.copyOf(noPiano.excludeTags()), Set.copyOf(twice.excludeTags()));
    }
}
