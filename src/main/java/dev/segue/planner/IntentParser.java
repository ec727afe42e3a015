package dev.segue.planner;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The offline planner's reading of a prompt: numbers become a length or a duration ({@link SizeReader}) and an era
 * ({@link EraReader}); words and phrases become catalog tags, activities, energy and artists ({@link PhraseReader},
 * with the catalog's vocabulary and the lexicon in {@link PhraseBook}), negations exclusions; unknown words are
 * compared with tag names by embedding ({@link WordInference}); {@link IntentAssembler} makes the intent. Refinements
 * ("more upbeat", "add some jazz", "no piano", "make it 30 minutes") are read against the previous intent.
 */
@ApplicationScoped
public class IntentParser {

    private final EraReader eras;
    private final PhraseReader phrases;
    private final WordInference inference;
    private final IntentAssembler assembler;

    IntentParser(EraReader eras, PhraseReader phrases, WordInference inference, IntentAssembler assembler) {
        this.eras = eras;
        this.phrases = phrases;
        this.inference = inference;
        this.assembler = assembler;
    }

    /** Reads a new prompt. */
    public Intent parse(String prompt) {
        return assembler.build(read(prompt, false));
    }

    /** Reads a refinement of an earlier intent: what still fits stays, the change is applied on top. */
    public Intent refine(Intent base, String refinement) {
        return assembler.merge(read(refinement, true), base);
    }

    private Draft read(String prompt, boolean refining) {
        Draft d = new Draft(refining);
        String text = PromptText.normalize(prompt);
        text = SizeReader.read(text, d);
        text = eras.read(text, d);
        phrases.read(PromptText.words(text), d);
        inference.infer(d);
        return d;
    }
}
