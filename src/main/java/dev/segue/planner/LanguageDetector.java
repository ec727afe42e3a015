package dev.segue.planner;

import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which language a prompt is in, by its words: each word a language's own lexicon recognizes (a music word as written
 * or inflected, an article, a preposition, a negation, a number) scores for that language, split evenly among the
 * languages that all recognize it ("jazz" and "piano" tell little, "ohne" and "zum" tell German). A misspelling of an
 * English music word counts for English too, at half weight: "no saxophon" is an English typo, not German. The best
 * score wins (an elided article counts with the word it is attached to, "d'ambient"); a tie keeps the fallback:
 * English for a new prompt, the playlist's language for a refinement. A prompt that reads the same in Spanish and
 * Portuguese ("piano suave para dormir") is Spanish: it means the same in both, only the title's words differ.
 */
@ApplicationScoped
class LanguageDetector {

    /** A misspelt English music word counts half a word for English: "musica" is still Italian, not "music". */
    private static final double MISSPELT = 0.5;

    private final PhraseBook phrases;
    private final TypoCorrector typos;

    LanguageDetector(PhraseBook phrases, TypoCorrector typos) {
        this.phrases = phrases;
        this.typos = typos;
    }

    Language detect(List<Word> words, Language fallback) {
        Map<Language, Double> scores = new EnumMap<>(Language.class);
        for (Word word : words) {
            Map<Language, Double> readers = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                if (recognizes(phrases.in(language), word)) {
                    readers.put(language, 1.0);
                }
            }
            if (!readers.containsKey(Language.EN) && typos.nearEnglishMusicWord(word.text())) {
                readers.put(Language.EN, MISSPELT);
            }
            double total =
                    readers.values().stream().mapToDouble(Double::doubleValue).sum();
            readers.forEach((language, weight) -> scores.merge(language, weight / total, Double::sum));
        }
        Language best = fallback;
        for (Language language : Language.values()) {
            if (scores.getOrDefault(language, 0.0) > scores.getOrDefault(best, 0.0) + 1e-9) {
                best = language;
            }
        }
        return best;
    }

    /** Whether the language knows the word, or the parts of it after an elided article ("d'ambient": d, ambient). */
    private static boolean recognizes(LanguageWords language, Word word) {
        if (language.recognizes(word.text())) {
            return true;
        }
        List<Word> parts = language.splitElisions(List.of(word));
        return parts.size() > 1 && parts.stream().allMatch(p -> language.recognizes(p.text()));
    }
}
