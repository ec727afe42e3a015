package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each assertion on a hand-made playlist: one that holds and one that does not. */
class ChecksTest {

    private static final JsonNode PLAYLIST = json("""
            {"planner": "offline", "totalDurationSec": 1500,
             "notes": ["read 'paino' as 'piano'", "kept 3 of 20 tracks from version 1"],
             "intent": {"queryText": "calm, jazz", "include": [{"phrase": "calm", "tags": ["calm", "relaxing"]},
                 {"phrase": "fewer vocals", "tags": ["voice"], "weight": -0.7}],
               "mixIns": [{"phrase": "some swing", "tags": ["swing"]}], "excludeTags": ["piano", "electricpiano"]},
             "tracks": [
               {"position": 1, "id": "a", "title": "One", "artist": "Jahzzar", "year": 1985,
                "genres": ["jazz"], "moods": ["calm"], "instruments": ["piano"]},
               {"position": 2, "id": "b", "title": "Two", "artist": "Jahzzar", "year": 1990,
                "genres": ["jazz"], "moods": ["sad"], "instruments": ["saxophone"]},
               {"position": 3, "id": "c", "title": "Three", "artist": "Brokenkites",
                "genres": ["electronic"], "moods": ["calm"], "instruments": []},
               {"position": 4, "id": "d", "title": "one", "artist": "jahzzar",
                "genres": ["jazz"], "moods": ["relaxing"], "instruments": []}],
             "trace": {"toolCalls": [
               {"name": "search_tracks", "arguments": {"query": "calm jazz, piano", "tags_all_of_any": [["jazz", "swing"], ["calm"]],
                "exclude_tags": ["piano", "electricpiano"], "limit": 150}, "resultCount": 90},
               {"name": "tracks_by_artist", "arguments": {"artist": "Jahzzar", "limit": 20}, "resultCount": 12}]}}
            """);

    @TempDir
    Path dir;

    private Map<String, Check> check(String expectYaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "cases:\n  - prompt: x\n    expect:\n" + expectYaml.indent(6));
        Expect expect = SuiteLoader.load(file).cases().get(0).turns().get(0).expect();
        List<Check> checks = Checks.evaluate(expect, PLAYLIST, 120, null, "x");
        return checks.stream()
                .collect(Collectors.toMap(c -> c.name() + (c.status() == Status.PASS ? "" : "!"), c -> c, (a, b) -> a));
    }

    private void expect(String yaml, String... names) throws IOException {
        assertEquals(Set.of(names), check(yaml).keySet(), yaml);
    }

    @Test
    void tagPrecisionNeedsOneTagOfEveryGroup() throws IOException {
        Map<String, Check> ok = check("tags: {groups: [jazz, \"calm relaxing\"], min: 0.5}");
        assertEquals(0.5, ok.get("tags").value());
        expect("tags: {groups: [jazz, \"calm relaxing\"], min: 0.6}", "tags!");
    }

    @Test
    void sizesArtistsAndExclusions() throws IOException {
        expect("length: 4", "length");
        expect("length: {min: 5}", "length!");
        expect("duration_minutes: {minutes: 24, tolerance: 1}", "duration_minutes");
        expect("duration_minutes: 30", "duration_minutes!");
        expect("max_per_artist: 3", "max_per_artist");
        expect("max_per_artist: 2", "max_per_artist!");
        expect("exclude_artists: [Someone]", "exclude_artists");
        expect("exclude_artists: [JAHZZAR]", "exclude_artists!");
        expect("exclude_tags: [violin]", "exclude_tags");
        expect("exclude_tags: [saxophone]", "exclude_tags!");
        expect("year_range: {from: 1980}", "year_range!"); // two tracks have no year: the claim cannot be checked
        expect("no_duplicates: true", "no_duplicates!"); // "one" by "jahzzar" is "One" by "Jahzzar"
        expect("planner: offline", "planner");
        expect("planner: llm", "planner!");
        expect("max_latency_ms: 200", "max_latency_ms");
        expect("max_latency_ms: 100", "max_latency_ms!");
    }

    @Test
    void notesNeedOneNoteWithEveryIncludedTextAndNoneWithAnExcludedOne() throws IOException {
        expect("notes: {include: [PAINO, piano]}", "notes");
        expect("notes: {include: [paino, jazz]}", "notes!"); // in no single note together
        expect("notes: {include: [kept], exclude: [named no]}", "notes");
        expect("notes: {exclude: [version 1]}", "notes!");
        Check failed = check("notes: {include: [vocal]}").get("notes!");
        assertTrue(failed.detail().contains("no note has all of [vocal]"), failed.detail());
        assertTrue(failed.detail().contains("kept 3 of 20 tracks"), "the notes are shown: " + failed.detail());
    }

    @Test
    void notInIntentLooksAtTheWishesAndTheQueryNotTheExclusions() throws IOException {
        expect("not_in_intent: [piano, electricpiano]", "not_in_intent"); // excluded is not wished
        expect("not_in_intent: [Jazz]", "not_in_intent!"); // a word of the query
        expect("not_in_intent: [relaxing]", "not_in_intent!"); // a tag of an included wish
        expect("not_in_intent: [swing]", "not_in_intent!"); // a mix-in's tag
        expect("not_in_intent: [some]", "not_in_intent!"); // a word of a mix-in's phrase
        expect("not_in_intent: [cal]", "not_in_intent"); // words, not parts of words
        expect("not_in_intent: [voice]", "not_in_intent"); // ranked down ("fewer vocals"), not wished
    }

    @Test
    void toolCallsMatchNamesAndArguments() throws IOException {
        expect("tool_called: [search_tracks]", "tool_called");
        expect("tool_called: [similar_tracks]", "tool_called!");
        expect(
                "tool_called: [{name: search_tracks, args: {query: PIANO, tags_all_of_any: swing, exclude_tags: [piano, electricpiano]}}]",
                "tool_called");
        expect("tool_called: [{name: search_tracks, args: {exclude_tags: violin}}]", "tool_called!");
        expect("tool_called: [{name: tracks_by_artist, args: {artist: jahzzar, limit: 20}}]", "tool_called");
        expect("tool_called: [{name: search_tracks, min_count: 2}]", "tool_called!");
    }

    @Test
    void djPullsCompareASegmentWithTheSessionBeforeIt() throws IOException {
        JsonNode before = json("""
                {"segment": 1, "energy": 0.3, "tracks": [
                  {"position": 1, "id": "a", "genres": ["lounge"], "moods": ["calm"]},
                  {"position": 2, "id": "b", "genres": ["dance"], "moods": []}]}
                """);
        JsonNode after = json("""
                {"segment": 2, "energy": 0.55, "tracks": [
                  {"position": 1, "id": "c", "genres": ["dance"], "moods": ["energetic"]},
                  {"position": 2, "id": "d", "genres": ["house"], "moods": ["party"]}]}
                """);
        Path file = dir.resolve("dj.yaml");
        Files.writeString(file, """
                cases:
                  - dj:
                      - open: calm lounge
                      - pull: {}
                      - pull:
                          expect:
                            no_repeats: true
                            request_effect: {groups: ["energetic party dance"], rises_by: 0.5}
                            energy: {rises_by: 0.25, max: 0.6}
                      - pull:
                          expect:
                            request_effect: {groups: ["energetic party dance"], rises_by: 0.6}
                            energy: {falls_by: 0.1, min: 0.5}
                """);
        List<Suite.DjStep> steps = SuiteLoader.load(file).cases().get(0).dj();
        Expect holds = ((Suite.DjStep.Pull) steps.get(2)).expect();
        Expect fails = ((Suite.DjStep.Pull) steps.get(3)).expect();
        Map<String, Status> ok = statuses(DjChecks.evaluate(holds, after, before, Set.of("a", "b")));
        assertEquals(Map.of("no_repeats", Status.PASS, "request_effect", Status.PASS, "energy", Status.PASS), ok);
        Map<String, Status> bad = statuses(DjChecks.evaluate(fails, after, before, Set.of("a", "b")));
        assertEquals(Map.of("request_effect", Status.FAIL, "energy", Status.FAIL), bad); // +0.5 share; energy rose
        Check repeat = DjChecks.evaluate(holds, after, before, Set.of("a", "c")).get(0);
        assertEquals(Status.FAIL, repeat.status(), repeat.detail());
        assertEquals(1.0, repeat.value());
    }

    private static Map<String, Status> statuses(List<Check> checks) {
        return checks.stream().collect(Collectors.toMap(Check::name, Check::status));
    }

    @Test
    void aRubricWithoutAJudgeIsSkippedNotFailed() throws IOException {
        Check rubric = check("llm_rubric: fits a rainy day").get("llm_rubric!");
        assertEquals(Status.SKIP, rubric.status());
    }

    @Test
    void aJudgeThatFailsIsAnErrorThatFailsTheCaseNotASkip() throws IOException {
        Path file = dir.resolve("rubric.yaml");
        Files.writeString(file, "cases:\n  - prompt: x\n    expect: {llm_rubric: fits a rainy day}\n");
        Expect expect = SuiteLoader.load(file).cases().get(0).turns().get(0).expect();
        ChatModel down = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("HTTP 503 from the provider");
            }
        };
        List<Check> checks = Checks.evaluate(expect, PLAYLIST, 120, new Judge(down, "down", null), "x");
        assertEquals(1, checks.size(), checks.toString());
        assertEquals(Status.ERROR, checks.get(0).status(), checks.toString());
        assertTrue(checks.get(0).detail().contains("HTTP 503"), checks.get(0).detail());
        Results.Turn turn = new Results.Turn(0, null, "x", null, 201, 1, PLAYLIST, checks, Map.of());
        assertEquals(Status.FAIL, Results.outcome(List.of(turn)));
    }

    @Test
    void rankingMetricsFollowTheRecSysDefinitions() {
        List<String> ranked = List.of("a", "x", "b", "y", "c");
        Map<String, Double> m = RankingMetrics.score(ranked, Set.of("a", "b", "z"));
        assertEquals(2 / 3.0, m.get("r_precision"), 1e-9); // a and b in the first 3
        assertEquals(2 / 3.0, m.get("recall_at_50"), 1e-9);
        double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
        assertEquals(dcg / ideal, m.get("ndcg_at_10"), 1e-9);
    }

    @Test
    void recallCountsAHitAnywhereInThePlaylistWhereRecallAt50StopsAt50() {
        List<String> ranked = new ArrayList<>(Collections.nCopies(60, "x"));
        ranked.set(54, "late"); // position 55: after the first 50
        Map<String, Double> m = RankingMetrics.score(ranked, Set.of("late", "missing"));
        assertEquals(0.0, m.get("recall_at_50"), 1e-9);
        assertEquals(0.5, m.get("recall"), 1e-9);
        assertEquals(0.0, m.get("r_precision"), 1e-9);
    }

    private static JsonNode json(String text) {
        try {
            return Json.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
