package dev.segue.planner;

import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The offline planner's reading of a prompt: its language is detected ({@link LanguageDetector}); numbers become a
 * length or a duration ({@link SizeReader}) and an era ({@link EraReader}); misspelt words are read as the words they
 * are close to ({@link TypoCorrector}); words and phrases become catalog tags, activities, energy and artists
 * ({@link PhraseReader}, with the catalog's vocabulary and the lexicons in {@link PhraseBook}), negations exclusions;
 * unknown words are compared with tag names by embedding ({@link WordInference}); {@link IntentAssembler} makes the
 * intent. Refinements ("more upbeat", "add some jazz", "no piano", "make it 30 minutes") are read against the
 * previous intent.
 */
@ApplicationScoped
public class IntentParser {

    private final LanguageDetector languages;
    private final PhraseBook book;
    private final SizeReader sizes;
    private final EraReader eras;
    private final TypoCorrector typos;
    private final PhraseReader phrases;
    private final WordInference inference;
    private final IntentAssembler assembler;

    IntentParser(
            PhraseBook book,
            LanguageDetector languages,
            SizeReader sizes,
            EraReader eras,
            TypoCorrector typos,
            PhraseReader phrases,
            WordInference inference,
            IntentAssembler assembler) {
        this.book = book;
        this.languages = languages;
        this.sizes = sizes;
        this.eras = eras;
        this.typos = typos;
        this.phrases = phrases;
        this.inference = inference;
        this.assembler = assembler;
    }

    /** Reads a new prompt. */
    public Intent parse(String prompt) {
        return assembler.build(read(prompt, false, Language.EN));
    }

    /** Reads a refinement of an earlier intent: what still fits stays, the change is applied on top. */
    public Intent refine(Intent base, String refinement) {
        return assembler.merge(read(refinement, true, base.language()), base);
    }

    private Draft read(String prompt, boolean refining, Language fallback) {
        String text = PromptText.normalize(prompt);
        Draft d = new Draft(refining, languages.detect(PromptText.words(text), fallback));
        d.surface.putAll(PromptText.surface(prompt));
        text = sizes.read(text, d);
        text = eras.read(text, d);
        List<Word> words = book.in(d.language).splitElisions(PromptText.words(text));
        phrases.read(typos.correct(words, d), d);
        inference.infer(d);
        return d;
    }
}
