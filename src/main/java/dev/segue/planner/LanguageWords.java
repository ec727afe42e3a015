package dev.segue.planner;

import dev.segue.planner.PromptText.Word;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of one language as the offline planner reads them. English: the catalog's tags and the lexicon's phrases
 * ({@link PhraseBook}), inflected words by suffix rules. Another language: its own phrases, each meaning what its
 * English translation means, inflected words by Lucene's light stemmer and (German) compounds by their first part;
 * then the English phrases, which prompts in every language borrow ("chill", "lofi"), unless the word is one of the
 * language's own function words ("car" is French for "because"). Function words (stopwords, negations, modifiers,
 * artist cues, numbers) are the language's own.
 */
final class LanguageWords {

    private static final int MIN_STEMMED_LENGTH = 4;
    private static final int MIN_COMPOUND_HEAD = 3;

    private final Language language;
    private final Lexicon lexicon;
    private final Map<String, Meaning> phrases;
    private final Map<String, Meaning> stems = new HashMap<>();
    private final LanguageWords english;
    private final LightStemmer stemmer;
    private final Set<String> stopwords;
    private final Set<String> negations;
    private final Set<String> fillers;
    private final Set<String> postNegations;
    private final Set<String> elisions;
    private final Set<String> compoundTails;
    private final Set<String> numberWords;
    private final Map<Modifier, Set<String>> modifiers = new EnumMap<>(Modifier.class);
    private final Map<String, Set<String>> artistCues = new HashMap<>();
    private final Set<String> ownWords = new HashSet<>();

    private LanguageWords(Language language, Lexicon lexicon, Map<String, Meaning> phrases, LanguageWords english) {
        this.language = language;
        this.lexicon = lexicon;
        this.phrases = phrases;
        this.english = english;
        this.stemmer = english == null ? null : LightStemmer.of(language);
        this.stopwords = keys(lexicon.stopwords());
        this.negations = keys(lexicon.negations());
        this.fillers = keys(lexicon.negationFillers());
        this.postNegations = keys(lexicon.postNegations());
        this.elisions = keys(lexicon.elisions());
        this.compoundTails = keys(lexicon.compoundTails());
        this.numberWords = keys(lexicon.sizes().numbers().keySet());
        numberWords.addAll(keys(lexicon.sizes().durationNumbers().keySet()));
        for (Modifier modifier : Modifier.CUES) {
            List<String> own = lexicon.modifiers().get(modifier.name().toLowerCase(Locale.ROOT));
            modifiers.put(
                    modifier, english == null ? modifier.words() : keys(Objects.requireNonNullElse(own, List.of())));
        }
        lexicon.artistCues().forEach((kind, cues) -> artistCues.put(kind, keys(cues)));
        List.of(phrases.keySet(), stopwords, negations, fillers, postNegations, numberWords)
                .forEach(words -> words.forEach(this::addOwnWords));
        modifiers.values().forEach(words -> words.forEach(this::addOwnWords));
        Lexicon.Sizes sizes = lexicon.sizes();
        List.of(sizes.tracks(), sizes.hours(), sizes.minutes(), lexicon.eras().decadePrefixes())
                .forEach(words -> keys(words).forEach(this::addOwnWords));
        artistCues.values().forEach(words -> words.forEach(this::addOwnWords));
    }

    /** English: every phrase of the catalog and the lexicon, as {@link PhraseBook} collected them. */
    static LanguageWords english(Lexicon lexicon, Map<String, Meaning> phrases) {
        return new LanguageWords(Language.EN, lexicon, phrases, null);
    }

    /** Another language: its translations take the meaning of the English phrase they name (when this catalog has it). */
    static LanguageWords translated(Language language, Lexicon lexicon, LanguageWords english) {
        Map<String, Meaning> own = new HashMap<>();
        lexicon.translations().forEach((phrase, target) -> {
            String translation = PromptText.key(target);
            Meaning meaning = english.meaning(translation);
            if (meaning != null && meaning.saysSomething()) {
                own.put(PromptText.key(phrase), meaning.translating(translation));
            }
        });
        LanguageWords words = new LanguageWords(language, lexicon, own, english);
        own.forEach((phrase, meaning) -> words.stems.putIfAbsent(words.stemPhrase(phrase), meaning));
        return words;
    }

    Language language() {
        return language;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** What the phrase means, exactly as written; null when it is not known. */
    Meaning meaning(String phrase) {
        Meaning own = phrases.get(phrase);
        if (own != null || english == null || stopwords.contains(phrase)) {
            return own;
        }
        return english.meaning(phrase);
    }

    boolean knows(String phrase) {
        return meaning(phrase) != null;
    }

    /**
     * The meaning of an inflected word or phrase ("pianos", "ruhigen", "guitarras acústicas") or of a compound
     * ("klaviermusik"); words under 4 letters have none.
     */
    Optional<Meaning> stemmed(String phrase) {
        if (phrase.length() < MIN_STEMMED_LENGTH) {
            return Optional.empty();
        }
        if (english == null) {
            return phrase.contains(" ") ? Optional.empty() : englishStem(phrase);
        }
        Meaning own = stems.get(stemPhrase(phrase));
        if (own != null) {
            return Optional.of(own);
        }
        if (phrase.contains(" ") || stopwords.contains(phrase)) {
            return Optional.empty();
        }
        return compound(phrase).or(() -> english.stemmed(phrase));
    }

    private Optional<Meaning> englishStem(String word) {
        return EnglishStems.of(word).stream()
                .filter(s -> s.length() >= 3)
                .map(phrases::get)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** "klaviermusik", "entspannungsmusik": a known first part before a tail such as "musik" (with a linking s). */
    private Optional<Meaning> compound(String word) {
        for (String tail : compoundTails) {
            if (!word.endsWith(tail) || word.length() - tail.length() < MIN_COMPOUND_HEAD) {
                continue;
            }
            String head = word.substring(0, word.length() - tail.length());
            for (String candidate : List.of(head, head.endsWith("s") ? head.substring(0, head.length() - 1) : head)) {
                Meaning meaning =
                        Optional.ofNullable(phrases.get(candidate)).orElseGet(() -> stems.get(stemmer.stem(candidate)));
                if (meaning != null) {
                    return Optional.of(meaning);
                }
            }
        }
        return Optional.empty();
    }

    private String stemPhrase(String phrase) {
        List<String> out = new ArrayList<>();
        for (String word : phrase.split(" ")) {
            out.add(stemmer.stem(word));
        }
        return String.join(" ", out);
    }

    boolean isStopword(String word) {
        return stopwords.contains(word) || english != null && english.isStopword(word);
    }

    Set<String> negations() {
        return negations;
    }

    boolean isNegation(String word) {
        return negations.contains(word);
    }

    /** Words that may stand between a negation and what it negates ("no more piano", "nothing too dark"). */
    boolean isNegationFiller(String word) {
        return fillers.contains(word);
    }

    /** Words after a phrase that negate it ("vocal-free"). */
    boolean isPostNegation(String word) {
        return postNegations.contains(word);
    }

    Set<String> modifierWords(Modifier modifier) {
        return modifiers.getOrDefault(modifier, Set.of());
    }

    /** The words before an artist's name: "by" (only this artist) or "like" (sounds like). */
    Set<String> artistCues(String kind) {
        return artistCues.getOrDefault(kind, Set.of());
    }

    /** Whether the word is a number in words ("ten", "zwanzig", "una"): never a mood or a genre. */
    boolean isNumberWord(String word) {
        return numberWords.contains(word);
    }

    /** "l'amour", "dell'estate": the elided article becomes a word of its own. */
    List<Word> splitElisions(List<Word> words) {
        if (elisions.isEmpty()) {
            return words;
        }
        List<Word> out = new ArrayList<>();
        for (Word word : words) {
            int apostrophe = word.text().indexOf('\'');
            if (apostrophe > 0 && elisions.contains(word.text().substring(0, apostrophe))) {
                out.add(new Word(word.text().substring(0, apostrophe), word.clause()));
                out.add(new Word(word.text().substring(apostrophe + 1), word.clause()));
            } else {
                out.add(word);
            }
        }
        return out;
    }

    /** The words of this language's own phrases ("acoustic guitar": acoustic, guitar), letters only. */
    Set<String> phraseWords() {
        Set<String> out = new HashSet<>();
        for (String phrase : phrases.keySet()) {
            for (String word : phrase.split(" ")) {
                if (word.chars().allMatch(Character::isLetter)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** Whether this language's own lexicon has the word, as written or inflected (the borrowed English aside). */
    boolean recognizes(String word) {
        if (ownWords.contains(word)) {
            return true;
        }
        if (english == null) { // English's inflections: "calmer" is English too, not only French
            return word.length() >= MIN_STEMMED_LENGTH && englishStem(word).isPresent();
        }
        return stems.containsKey(stemmer.stem(word));
    }

    /** Every word this language's lexicon names: never read as a misspelling of another. */
    boolean isOwnWord(String word) {
        return ownWords.contains(word);
    }

    private void addOwnWords(String phrase) {
        ownWords.addAll(List.of(phrase.split(" ")));
    }

    private static Set<String> keys(Collection<String> words) {
        return words.stream().map(PromptText::key).collect(Collectors.toCollection(HashSet::new));
    }
}
