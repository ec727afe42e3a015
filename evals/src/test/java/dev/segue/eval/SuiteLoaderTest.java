package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    private Suite load(String yaml) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, yaml);
        return SuiteLoader.load(file, Map.of("SHARED", "/data/shared")::get);
    }

    @Test
    void defaultsMergeIntoEveryTurnAndAnExplicitNullRemovesOne() throws IOException {
        Suite suite = load("""
                suite: s
                defaults:
                  request: {length: 20, options: {planner: offline}}
                  expect: {no_duplicates: true, max_per_artist: 2}
                cases:
                  - id: a
                    prompt: calm piano
                    request: {options: {ranker: none}}
                    expect:
                      tags: {groups: ["piano", [calm, relaxing]], min: 0.75}
                      max_per_artist: null
                    refine:
                      - no piano
                      - prompt: 10 songs
                        expect: {length: 10}
                """);
        Suite.Case c = suite.cases().get(0);
        assertEquals(20, c.request().get("length").asInt());
        assertEquals("offline", c.request().get("options").get("planner").asText());
        assertEquals("none", c.request().get("options").get("ranker").asText());
        assertEquals(3, c.turns().size());
        Expect first = c.turns().get(0).expect();
        assertEquals(
                List.of(Set.of("piano"), Set.of("calm", "relaxing")),
                first.tags().groups());
        assertEquals(0.75, first.tags().min());
        assertNull(first.maxPerArtist(), "null in the case removes the default");
        assertTrue(first.noDuplicates());
        assertEquals(2, c.turns().get(1).expect().maxPerArtist());
        assertEquals("no piano", c.turns().get(1).prompt());
        assertEquals(10, c.turns().get(2).expect().length().min());
        assertEquals(SuiteLoader.DEFAULT_PASS_RATE, suite.thresholds().get("pass_rate"));
        assertEquals("default", suite.variants().get(0).name());
    }

    @Test
    void shortFormsAndThresholdsAndCatalogPaths() throws IOException {
        Suite suite = load("""
                catalog: {path: "${SHARED}/spotify.csv", format: spotify}
                variants:
                  - offline
                  - {name: llm, options: {planner: llm, promptVersion: v2}, thresholds: {pass_rate: ">= 0.9"}}
                thresholds: {tag_precision: ">= 0.85", latency_p95_ms: "<= 800"}
                cases:
                  - prompt: x
                    expect:
                      length: {min: 5}
                      duration_minutes: 30
                      tool_called: [search_tracks, {name: tracks_by_artist, args: {artist: Jahzzar}, min_count: 2}]
                      llm_rubric: fits a rainy day
                """);
        assertEquals(Path.of("/data/shared/spotify.csv"), suite.catalog().path());
        assertEquals("suite", suite.name());
        assertEquals("case-1", suite.cases().get(0).id());
        Expect e = suite.cases().get(0).turns().get(0).expect();
        assertTrue(e.length().contains(100) && !e.length().contains(4));
        assertEquals(3.0, e.durationMinutes().tolerance(), 1e-9);
        assertEquals("search_tracks", e.toolCalled().get(0).name());
        assertEquals(2, e.toolCalled().get(1).minCount());
        assertEquals(0.7, e.llmRubric().min());
        assertTrue(suite.thresholds().get("latency_p95_ms").holds(800));
        assertFalse(suite.thresholds().get("tag_precision").holds(0.8));
        assertEquals(
                "v2", suite.variants().get(1).options().get("promptVersion").asText());
        assertEquals(0.9, suite.variants().get(1).thresholds().get("pass_rate").value());
    }

    @Test
    void mistakesAreErrorsThatSayWhere() throws IOException {
        String typo =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                cases:
                  - id: a
                    prompt: x
                    expect: {tagz: {groups: [piano]}}
                """)).getMessage();
        assertTrue(typo.contains("case \"a\"") && typo.contains("tagz"), typo);
        String unknownKey =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                cases: [{id: a, promt: x}]
                """)).getMessage();
        assertTrue(unknownKey.contains("promt"), unknownKey);
        String threshold =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                thresholds: {tag_precision: 0.9}
                cases: [{prompt: x}]
                """)).getMessage();
        assertTrue(threshold.contains("tag_precision"), threshold);
        String unknownLabel =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                thresholds: {tag_precision@typos: ">= 0.5"}
                cases: [{prompt: x, labels: [typo]}]
                """)).getMessage();
        assertTrue(unknownLabel.contains("no case has the label \"typos\" (labels: [typo])"), unknownLabel);
        String latencyByLabel =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                thresholds: {latency_p95_ms@typo: "<= 100"}
                cases: [{prompt: x, labels: [typo]}]
                """)).getMessage();
        assertTrue(latencyByLabel.contains("with a quality metric"), latencyByLabel);
        assertEquals(0.5, load("""
                        thresholds: {tag_precision@typo: ">= 0.5"}
                        cases: [{prompt: x, labels: [typo]}]
                        """).thresholds().get("tag_precision@typo").value());
        String notes =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                cases: [{prompt: x, expect: {notes: {contains: [x]}}}]
                """)).getMessage();
        assertTrue(notes.contains("notes is {include: [texts], exclude: [texts]}"), notes);
        String duplicate =
                assertThrows(SuiteLoader.SuiteException.class, () -> load("""
                cases: [{id: a, prompt: x}, {id: a, prompt: y}]
                """)).getMessage();
        assertTrue(duplicate.contains("two cases"), duplicate);
    }

    @Test
    void djScriptsBecomeStepsWithTheDefaultsInEveryPull() throws IOException {
        Suite suite = load("""
                defaults:
                  expect: {no_repeats: true}
                cases:
                  - id: dj
                    dj:
                      - open: {prompt: "chill lounge, late", minutes: 600}
                      - pull: {}
                      - request: more energy
                      - feedback: {type: skip}
                      - pull: {expect: {energy: {rises_by: 0.2}, no_repeats: null}}
                      - close: {}
                """);
        Suite.Case c = suite.cases().get(0);
        assertTrue(c.isDj() && c.turns().isEmpty());
        assertEquals(6, c.dj().size());
        Suite.DjStep.Open open = (Suite.DjStep.Open) c.dj().get(0);
        assertEquals("chill lounge, late", open.body().get("prompt").asText());
        assertTrue(((Suite.DjStep.Pull) c.dj().get(1)).expect().noRepeats());
        assertEquals(new Suite.DjStep.Request("more energy"), c.dj().get(2));
        assertEquals(new Suite.DjStep.Feedback("skip", "first"), c.dj().get(3));
        Expect last = ((Suite.DjStep.Pull) c.dj().get(4)).expect();
        assertEquals(0.2, last.energy().risesBy());
        assertNull(last.noRepeats());
        assertTrue(c.dj().get(5) instanceof Suite.DjStep.Close);
    }

    @Test
    void djScriptsThatCannotRunAreErrors() {
        Map<String, String> wrong = Map.of(
                "[{pull: {}}]", "opens its session first",
                "[{open: x}, {pull: {expect: {energy: {rises_by: 0.1}}}}]", "this is the first",
                "[{open: x}, {pull: {expect: {planner: offline}}}]", "planner checks a playlist response",
                "[{open: x}, {feedback: {type: like, track: last}}]", "needs a pull before it",
                "[{open: x}, {pull: {}}, {feedback: {type: love}}]", "like or skip",
                "[{open: {prompt: x, mins: 5}}]", "unknown key \"mins\"",
                "[{open: x}, {close: {}}, {pull: {}}]", "nothing can follow close",
                "[{open: x}, {pull: {}, request: y}]", "one key among");
        wrong.forEach((script, message) -> {
            String error = assertThrows(
                            SuiteLoader.SuiteException.class,
                            () -> load("cases: [{id: a, dj: " + script + "}]"),
                            script)
                    .getMessage();
            assertTrue(error.contains("case \"a\"") && error.contains(message), script + " -> " + error);
        });
        String djOnly = assertThrows(
                        SuiteLoader.SuiteException.class,
                        () -> load("cases: [{id: a, prompt: x, expect: {no_repeats: true}}]"))
                .getMessage();
        assertTrue(djOnly.contains("no_repeats is for DJ pulls"), djOnly);
        String mixed = assertThrows(
                        SuiteLoader.SuiteException.class, () -> load("cases: [{id: a, prompt: x, dj: [{open: x}]}]"))
                .getMessage();
        assertTrue(mixed.contains("not in `prompt:`"), mixed);
    }

    @Test
    void everyShippedSuiteLoads() throws IOException {
        int suites = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("suites"), "*.yaml")) {
            for (Path file : files) {
                Suite suite = SuiteLoader.load(file);
                assertFalse(suite.cases().isEmpty(), file.toString());
                suites++;
            }
        }
        assertTrue(suites >= 6, "core, dj, playlists, robustness, words and words-spotify: " + suites);
    }
}
