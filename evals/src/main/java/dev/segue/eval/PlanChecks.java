package dev.segue.eval;

import static dev.segue.eval.TrackTags.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.Check;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * What a playlist says of its own plan, checked against what the listener asked: its notes (a correction, a
 * constraint that left it short, a request it could not act on) and its intent (what a refinement removed is gone).
 */
final class PlanChecks {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PlanChecks() {}

    /** One note holds every {@code include} text; no note holds an {@code exclude} text (case-insensitive). */
    static Check notes(Expect.Notes expect, JsonNode notes) {
        List<String> said = StreamSupport.stream(notes.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        boolean included = expect.include().isEmpty()
                || said.stream().anyMatch(note -> expect.include().stream().allMatch(t -> holds(note, t)));
        boolean unwanted =
                said.stream().anyMatch(note -> expect.exclude().stream().anyMatch(t -> holds(note, t)));
        List<String> problems = new ArrayList<>();
        if (!included) {
            problems.add("no note has all of " + expect.include());
        }
        if (unwanted) {
            problems.add("a note has one of " + expect.exclude());
        }
        return Check.of(
                "notes",
                problems.isEmpty(),
                (problems.isEmpty() ? "as expected" : String.join("; ", problems)) + "; notes: "
                        + (said.isEmpty() ? "none" : said),
                (double) said.size());
    }

    /**
     * None of {@code words} is among the intent's wishes (the phrases and tags it includes and mixes in) or the words of
     * its query: what a refinement removed or replaced is gone from the plan, not only from the tracks. A group with a
     * negative weight ("fewer vocals") ranks its tags down: it is no wish for them.
     */
    static Check notInIntent(List<String> words, JsonNode intent) {
        Set<String> planned = new LinkedHashSet<>(words(intent.path("queryText").asText()));
        for (String wishes : List.of("include", "mixIns")) {
            for (JsonNode wish : intent.path(wishes)) {
                if (wish.path("weight").asDouble(1) < 0) {
                    continue;
                }
                planned.addAll(words(wish.path("phrase").asText()));
                wish.path("tags").forEach(t -> planned.add(key(t.asText())));
            }
        }
        List<String> kept =
                words.stream().map(TrackTags::key).filter(planned::contains).toList();
        return Check.of(
                "not_in_intent",
                kept.isEmpty(),
                (kept.isEmpty() ? "none of " + words : "still planned: " + kept) + " (query \""
                        + intent.path("queryText").asText() + "\")",
                (double) kept.size());
    }

    private static boolean holds(String note, String text) {
        return key(note).contains(key(text));
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String word : NOT_A_WORD.split(key(text))) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }
}
