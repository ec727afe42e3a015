package dev.segue.planner;

import static dev.segue.planner.PromptText.join;
import static dev.segue.planner.PromptText.longestMatch;
import static dev.segue.planner.PromptText.sameClause;

import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Walks the words of a prompt, clause by clause: negations ("no", "nothing") and modifiers ("less", "only", "maybe")
 * hold until the clause ends; at each word the longest artist name or known phrase is read, the rest is left to
 * {@link WordInference}.
 */
@ApplicationScoped
class PhraseReader {

    private static final int MAX_PHRASE_WORDS = 4;

    /** Where the walk is: the clause, whether it is negated, and the modifier in force. */
    private static final class Scope {
        int clause = -1;
        boolean negating;
        Modifier modifier = Modifier.NONE;
    }

    private final PhraseBook phrases;
    private final ArtistMatcher artists;
    private final MeaningApplier meanings;

    PhraseReader(PhraseBook phrases, ArtistMatcher artists, MeaningApplier meanings) {
        this.phrases = phrases;
        this.artists = artists;
        this.meanings = meanings;
    }

    void read(List<Word> words, Draft d) {
        Scope scope = new Scope();
        LanguageWords lw = phrases.in(d.language);
        int i = 0;
        while (i < words.size()) {
            i += step(words, i, scope, lw, d);
        }
    }

    /** Reads what starts at word i; returns how many words it took (at least one). */
    private int step(List<Word> words, int i, Scope scope, LanguageWords lw, Draft d) {
        Word word = words.get(i);
        if (word.clause() != scope.clause) {
            scope.clause = word.clause();
            scope.negating = false;
            scope.modifier = Modifier.NONE;
        }
        int negation = longestMatch(words, i, lw.negations());
        if (negation > 0) {
            scope.negating = true;
            return negation;
        }
        String w = word.text();
        if (scope.negating && (w.equals("but") || w.equals("for"))) {
            scope.negating = false;
        }
        if (!scope.negating && w.equals("or")) {
            d.orPending = true; // "piano or acoustic guitar": the next wish joins the previous one
            return 1;
        }
        if (scope.negating && lw.isNegationFiller(w)) {
            return 1;
        }
        int consumed = scope.negating ? 0 : modifierAt(words, i, scope, lw, d.refining);
        if (consumed == 0) {
            consumed = artists.read(words, i, scope.negating, scope.modifier, d);
        }
        if (consumed == 0) {
            consumed = phraseAt(words, i, scope, lw, d);
        }
        if (consumed > 0) {
            return consumed;
        }
        if (d.refining && (w.equals("longer") || w.equals("shorter"))) {
            d.scale = w.equals("longer") ? 1.5 : 2 / 3.0;
        } else {
            keepUnknown(w, scope.negating, lw, d);
        }
        return 1;
    }

    private static int modifierAt(List<Word> words, int i, Scope scope, LanguageWords lw, boolean refining) {
        for (Modifier modifier : Modifier.CUES) {
            int n = modifier.appliesTo(refining) ? longestMatch(words, i, lw.modifierWords(modifier)) : 0;
            if (n > 0) {
                scope.modifier = modifier;
                return n;
            }
        }
        return 0;
    }

    /**
     * Reads the longest known phrase at word i (also by its stem); returns how many words it took, or 0. A phrase
     * followed by a word such as "free" ("vocal-free") is negated.
     */
    private int phraseAt(List<Word> words, int i, Scope scope, LanguageWords lw, Draft d) {
        for (int n = Math.min(MAX_PHRASE_WORDS, words.size() - i); n >= 1; n--) {
            if (!sameClause(words, i, n)) {
                continue;
            }
            String phrase = join(words, i, n);
            Meaning meaning = lw.meaning(phrase);
            if (meaning == null) {
                meaning = lw.stemmed(phrase).orElse(null);
            }
            if (meaning != null && meaning.saysSomething()) {
                boolean postNegated = i + n < words.size()
                        && sameClause(words, i, n + 1)
                        && lw.isPostNegation(words.get(i + n).text());
                meanings.apply(phrase, meaning, scope.negating || postNegated, scope.modifier, d);
                return postNegated ? n + 1 : n;
            }
        }
        return 0;
    }

    /** A word that is no stopword or number: inferred later, or, negated, reported as not understood. */
    private static void keepUnknown(String w, boolean negating, LanguageWords lw, Draft d) {
        if (!lw.isStopword(w) && !w.matches("\\d+") && w.length() >= 3 && !lw.isNumberWord(w)) {
            if (negating) {
                d.unmatched.add("no " + w);
            } else {
                d.unknown.add(w);
            }
        }
    }
}
