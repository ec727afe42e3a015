package dev.segue.planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory index {@link TypoCorrector}'s spell checker looks words up in: one field of music words per language
 * (the words of its own phrases: tags, synonyms, activities; English's also holds the tags), one of ordinary English
 * words, one of the catalog's artist names.
 */
final class SpellIndex {

    static final String ORDINARY = "ordinary";
    static final String ARTIST = "artist";

    private SpellIndex() {}

    /** The field of a language's music words. */
    static String field(Language language) {
        return "music_" + language.code();
    }

    static DirectoryReader build(PhraseBook phrases, Set<String> ordinary, Collection<String> artistKeys) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            for (Language language : Language.values()) {
                for (String word : phrases.in(language).phraseWords()) {
                    add(writer, field(language), word);
                }
            }
            for (String word : ordinary) {
                add(writer, ORDINARY, word);
            }
            for (String key : artistKeys) {
                add(writer, ARTIST, key);
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the spelling index", e);
        }
    }

    private static void add(IndexWriter writer, String field, String word) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(field, word, Field.Store.NO));
        writer.addDocument(doc);
    }
}
