package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Reads misspelt words as the words they are close to ("paino" as "piano", "relxing" as "relaxing"), with Lucene's
 * spell checker ({@link DirectSpellChecker}: Damerau-Levenshtein automata over an in-memory index, {@link SpellIndex})
 * and a note for the listener. The edit distance allowed grows with the word: none under 4 letters, one up to 7, two
 * from 8; the first letter must match. A word is corrected only when nothing else reads it: not a phrase or function
 * word of the prompt's language, not part of an artist's name, and not an ordinary English word (a dictionary of
 * 64,000, {@code planner/words/english.txt}) — and only to a music word no ordinary word is closer to, and no other
 * music word is as close to.
 */
@ApplicationScoped
class TypoCorrector {

    private static final int MIN_LENGTH = 4;
    private static final int TWO_EDITS_FROM = 8;

    private final PhraseBook phrases;
    private final Set<String> dictionary;
    private final Set<String> artistWords = new HashSet<>();
    private final DirectoryReader index;
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    TypoCorrector(PhraseBook phrases, Catalog catalog) {
        this.phrases = phrases;
        this.dictionary = englishWords();
        catalog.artistsByKey().keySet().forEach(key -> artistWords.addAll(List.of(key.split(" "))));
        this.index =
                SpellIndex.build(phrases, dictionary, catalog.artistsByKey().keySet());
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinQueryLength(MIN_LENGTH);
        return checker;
    }

    /** The words with each misspelt one replaced by the word it is read as; each replacement is noted. */
    List<Word> correct(List<Word> words, Draft d) {
        LanguageWords lw = phrases.in(d.language);
        List<Word> out = new ArrayList<>(words.size());
        for (Word word : words) {
            String w = word.text();
            Optional<String> corrected = isCandidate(w, lw) ? suggest(w, d.language) : Optional.empty();
            if (corrected.isPresent()) {
                d.notes.add("read \"" + w + "\" as \"" + corrected.get() + "\"");
                out.add(new Word(corrected.get(), word.clause()));
            } else {
                out.add(word);
            }
        }
        return out;
    }

    /** The key of the catalog artist a misspelt name is close to ("jahzar": "jahzzar"). */
    Optional<String> artist(String name) {
        if (name.length() < MIN_LENGTH || dictionary.contains(name)) {
            return Optional.empty();
        }
        return closest(name, SpellIndex.ARTIST).map(s -> s.string);
    }

    /** Whether the word is one edit or two (by its length) from an English music word: "saxophon", "paino". */
    boolean nearEnglishMusicWord(String w) {
        return w.length() >= MIN_LENGTH
                && closest(w, SpellIndex.field(Language.EN)).isPresent();
    }

    private boolean isCandidate(String w, LanguageWords lw) {
        return w.length() >= MIN_LENGTH
                && w.chars().allMatch(Character::isLetter)
                && !lw.knows(w)
                && !lw.isOwnWord(w)
                && !lw.isStopword(w)
                && !dictionary.contains(w)
                && !artistWords.contains(w)
                && lw.stemmed(w).isEmpty();
    }

    private Optional<String> suggest(String w, Language language) {
        Optional<SuggestWord> music = closestMusicWord(w, language);
        SuggestWord[] ordinary = similar(w, SpellIndex.ORDINARY);
        if (music.isEmpty() || ordinary.length > 0 && ordinary[0].score > music.get().score) {
            return Optional.empty(); // "becuase" is a misspelt ordinary word, not a genre
        }
        return music.map(s -> s.string);
    }

    /**
     * The closest music word of the prompt's language or of English (the words every language borrows); the prompt's
     * own when it is as close: "guitara" in a Spanish prompt is "guitarra", not "guitar".
     */
    private Optional<SuggestWord> closestMusicWord(String w, Language language) {
        Optional<SuggestWord> english = closest(w, SpellIndex.field(Language.EN));
        if (language == Language.EN) {
            return english;
        }
        Optional<SuggestWord> own = closest(w, SpellIndex.field(language));
        boolean ownIsAsClose = own.isPresent() && (english.isEmpty() || own.get().score >= english.get().score);
        return ownIsAsClose ? own : english;
    }

    /** The closest word of the field, unless two are equally close (then the word is ambiguous and left alone). */
    private Optional<SuggestWord> closest(String w, String field) {
        SuggestWord[] found = similar(w, field);
        if (found.length == 0 || found.length > 1 && found[1].score >= found[0].score) {
            return Optional.empty();
        }
        return Optional.of(found[0]);
    }

    /** The two words of the field closest to w within the edits its length allows, closest first. */
    private SuggestWord[] similar(String w, String field) {
        DirectSpellChecker checker = w.length() >= TWO_EDITS_FROM ? twoEdits : oneEdit;
        try {
            return checker.suggestSimilar(new Term(field, w), 2, index, SuggestMode.SUGGEST_ALWAYS);
        } catch (IOException e) {
            throw new UncheckedIOException("spell check of \"" + w + "\" failed", e);
        }
    }

    private static Set<String> englishWords() {
        try (InputStream in = TypoCorrector.class.getClassLoader().getResourceAsStream("planner/words/english.txt")) {
            if (in == null) {
                throw new IllegalStateException("planner/words/english.txt is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(words::add);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read planner/words/english.txt", e);
        }
    }
}
