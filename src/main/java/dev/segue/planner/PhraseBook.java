package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The words the offline planner knows, for this catalog: every tag of the catalog's vocabulary (as written and as
 * words), then the English lexicon's synonyms, activities, energy words, vocal and clean-lyrics words on top; and,
 * per language, the words {@link LanguageWords} reads with them (the other languages' lexicons translate to these).
 */
@ApplicationScoped
class PhraseBook {

    private final Lexicon lexicon;
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, Meaning> phrases = new HashMap<>();
    private final Map<Language, LanguageWords> languages = new EnumMap<>(Language.class);

    PhraseBook(Catalog catalog) {
        this.lexicon = Lexicon.load();
        for (TagCategory category : TagCategory.values()) {
            vocabulary.addAll(catalog.vocabulary(category).keySet());
        }
        addTags();
        addSynonyms();
        addActivities();
        addEnergyWords();
        lexicon.vocals().words().forEach(word -> update(word, Meaning::aboutVocals));
        lexicon.vocals().instrumentalWords().forEach(word -> update(word, Meaning::aboutInstrumentals));
        lexicon.clean().forEach(word -> update(word, Meaning::aboutCleanLyrics));
        LanguageWords english = LanguageWords.english(lexicon, phrases);
        languages.put(Language.EN, english);
        for (Language language : Language.values()) {
            if (language != Language.EN) {
                languages.put(language, LanguageWords.translated(language, Lexicon.load(language), english));
            }
        }
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

    /** The words of a language: its own lexicon, then the English phrases it borrows. */
    LanguageWords in(Language language) {
        return languages.get(language);
    }

    /** Every tag of the catalog. */
    Set<String> vocabulary() {
        return vocabulary;
    }

    boolean isTag(String phrase) {
        return vocabulary.contains(phrase);
    }

    /** The tags that mean singing, as far as this catalog has them ("no vocals" rules them out). */
    List<String> vocalTags() {
        return lexicon.vocals().vocalTags().stream()
                .filter(vocabulary::contains)
                .toList();
    }
}
