package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The words the offline planner knows, for this catalog: every tag of the catalog's vocabulary (as written and as
 * words), then the lexicon's synonyms, activities, energy words, vocal and clean-lyrics words on top; and the
 * lexicon's stopwords and negations.
 */
@ApplicationScoped
class PhraseBook {

    private final Lexicon lexicon;
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, Meaning> phrases = new HashMap<>();
    private final Set<String> stopwords;
    private final Set<String> negations;
    private final Set<String> fillers;

    PhraseBook(Catalog catalog) {
        this.lexicon = Lexicon.load();
        for (TagCategory category : TagCategory.values()) {
            vocabulary.addAll(catalog.vocabulary(category).keySet());
        }
        this.stopwords = Set.copyOf(lexicon.stopwords());
        this.negations = Set.copyOf(lexicon.negations());
        this.fillers = Set.copyOf(lexicon.negationFillers());
        addTags();
        addSynonyms();
        addActivities();
        addEnergyWords();
        lexicon.vocals().words().forEach(word -> update(word, Meaning::aboutVocals));
        lexicon.vocals().instrumentalWords().forEach(word -> update(word, Meaning::aboutInstrumentals));
        lexicon.clean().forEach(word -> update(word, Meaning::aboutCleanLyrics));
    }

    private void addTags() {
        for (String tag : vocabulary) {
            phrases.put(tag, Meaning.NONE.withTags(List.of(tag), "tag"));
            phrases.put(Tags.words(tag), Meaning.NONE.withTags(List.of(tag), "tag"));
        }
    }

    private void addSynonyms() {
        lexicon.synonyms().forEach((phrase, tags) -> {
            List<String> known = tags.stream().filter(vocabulary::contains).toList();
            if (!known.isEmpty()) {
                update(phrase, m -> m.withTags(known, "synonym"));
            }
        });
    }

    private void addActivities() {
        lexicon.activities()
                .forEach((name, activity) -> activity.words().forEach(word -> update(word, m -> m.withActivity(name))));
    }

    private void addEnergyWords() {
        lexicon.energy().forEach((level, words) -> {
            Energy energy = Energy.valueOf(level.toUpperCase(Locale.ROOT));
            words.forEach(word -> update(word, m -> m.withEnergy(energy)));
        });
    }

    private void update(String phrase, UnaryOperator<Meaning> change) {
        phrases.put(phrase, change.apply(phrases.getOrDefault(phrase, Meaning.NONE)));
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** Every tag of the catalog. */
    Set<String> vocabulary() {
        return vocabulary;
    }

    boolean isTag(String phrase) {
        return vocabulary.contains(phrase);
    }

    /** What the phrase means, exactly as written; null when it is not known. */
    Meaning meaning(String phrase) {
        return phrases.get(phrase);
    }

    boolean knows(String phrase) {
        return phrases.containsKey(phrase);
    }

    /** The tags that mean singing, as far as this catalog has them ("no vocals" rules them out). */
    List<String> vocalTags() {
        return lexicon.vocals().vocalTags().stream()
                .filter(vocabulary::contains)
                .toList();
    }

    Set<String> negations() {
        return negations;
    }

    boolean isStopword(String word) {
        return stopwords.contains(word);
    }

    boolean isNegation(String word) {
        return negations.contains(word);
    }

    /** Words that may stand between a negation and what it negates ("no more piano", "nothing too dark"). */
    boolean isNegationFiller(String word) {
        return fillers.contains(word);
    }

    /** The meaning of a word's first known stem ("pianos", "relaxing", "happier"); words under 4 letters have none. */
    Optional<Meaning> stemmed(String word) {
        if (word.length() < 4) {
            return Optional.empty();
        }
        return stems(word).stream()
                .filter(s -> s.length() >= 3)
                .map(phrases::get)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Candidate stems of a word, most specific suffix first. */
    private static List<String> stems(String word) {
        List<String> stems = new ArrayList<>();
        if (word.endsWith("ies")) {
            stems.add(cut(word, 3) + "y");
        }
        if (word.endsWith("es")) {
            stems.add(cut(word, 2));
        }
        if (word.endsWith("s")) {
            stems.add(cut(word, 1));
        }
        if (word.endsWith("ing")) {
            stems.add(cut(word, 3));
            stems.add(cut(word, 3) + "e");
        }
        if (word.endsWith("ier")) {
            stems.add(cut(word, 3) + "y");
        }
        if (word.endsWith("er") || word.endsWith("ed")) {
            stems.add(cut(word, 2));
            stems.add(cut(word, 1));
        }
        if (word.endsWith("y")) {
            stems.add(cut(word, 1));
        }
        if (word.endsWith("ly")) {
            stems.add(cut(word, 2));
        }
        return stems;
    }

    private static String cut(String word, int letters) {
        return word.substring(0, word.length() - letters);
    }
}
