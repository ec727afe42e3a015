package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.embedding.TextEmbedder;

/** An {@link IntentParser} wired by hand, for tests that read prompts against a catalog of their own. */
public final class IntentParsers {

    private IntentParsers() {}

    public static IntentParser forCatalog(Catalog catalog, TextEmbedder embedder) {
        PhraseBook phrases = new PhraseBook(catalog);
        TypoCorrector typos = new TypoCorrector(phrases, catalog);
        return new IntentParser(
                phrases,
                new LanguageDetector(phrases, typos),
                new SizeReader(phrases),
                new EraReader(catalog, phrases),
                typos,
                new PhraseReader(
                        phrases, new ArtistMatcher(catalog, phrases, typos), new MeaningApplier(phrases, catalog)),
                new WordInference(phrases, embedder),
                new IntentAssembler(phrases));
    }
}
