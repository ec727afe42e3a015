package dev.segue.planner;

import dev.segue.catalog.Track;
import java.util.List;

/**
 * One thing the listener asked for, as catalog tags: a track matches the group when it has any of the tags.
 * {@code required} groups (genres, moods, instruments the prompt named) decide whether a track fits at all;
 * the others (activities, inferred words, refinements like "more upbeat") only move scores, and a negative
 * weight moves them down ("fewer vocals").
 *
 * @param phrase the words of the prompt it came from
 * @param kind   tag (a catalog tag named as such), synonym (from the lexicon), activity, inferred (by embedding
 *               similarity of the word to tag names), era or refine
 */
public record TagGroup(String phrase, List<String> tags, String kind, double weight, boolean required) {

    public TagGroup {
        tags = List.copyOf(tags);
    }

    public boolean matches(Track track) {
        return tags.stream().anyMatch(track::hasTag);
    }
}
