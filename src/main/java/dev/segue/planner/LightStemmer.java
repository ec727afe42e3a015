package dev.segue.planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's light stemmer of a language (plural and gender endings: "ruhige" and "ruhigen" both read as "ruhig",
 * "tranquilas" as "tranquil"), applied to one word at a time. Thread-safe: the analyzer keeps one token stream per
 * thread.
 */
final class LightStemmer {

    private final Analyzer analyzer;

    private LightStemmer(Function<TokenStream, TokenStream> filter) {
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer whole = new KeywordTokenizer();
                return new TokenStreamComponents(whole, filter.apply(whole));
            }
        };
    }

    /** The stemmer of a language other than English (English has its own suffix rules in {@link LanguageWords}). */
    static LightStemmer of(Language language) {
        return switch (language) {
            case ES -> new LightStemmer(SpanishLightStemFilter::new);
            case PT -> new LightStemmer(PortugueseLightStemFilter::new);
            case FR -> new LightStemmer(FrenchLightStemFilter::new);
            case DE -> new LightStemmer(GermanLightStemFilter::new);
            case IT -> new LightStemmer(ItalianLightStemFilter::new);
            case EN -> throw new IllegalArgumentException("English is stemmed by suffix rules");
        };
    }

    String stem(String word) {
        try (TokenStream stream = analyzer.tokenStream("word", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stem \"" + word + "\"", e);
        }
    }
}
