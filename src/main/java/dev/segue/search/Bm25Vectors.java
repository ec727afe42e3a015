package dev.segue.search;

import dev.segue.catalog.Track;
import io.qdrant.client.grpc.Points.SparseVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.util.StringHelper;

/**
 * BM25 over titles and artists as Qdrant sparse vectors, computed to give the scores the embedded index gives.
 * Text is split by the same Lucene analyzer; a document's value for a term is BM25's term-frequency part
 * {@code tf / (tf + k1 (1 - b + b dl / avgdl))} with Lucene's k1, b and its (lossy) length encoding; a query's value
 * is how often the term occurs in it; Qdrant's IDF modifier multiplies by {@code ln(1 + (N - df + 0.5) / (df + 0.5))},
 * Lucene's idf. The sum is Lucene's BM25 score. Terms become dimensions by a 32-bit murmur3 hash of their bytes.
 */
public final class Bm25Vectors {

    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final Analyzer ANALYZER = new StandardAnalyzer();

    private final float averageLength;

    public Bm25Vectors(float averageLength) {
        this.averageLength = averageLength;
    }

    /** Lucene's average field length: total terms over documents that have at least one. */
    static Bm25Vectors over(List<Track> tracks) {
        long terms = 0;
        long documents = 0;
        for (Track track : tracks) {
            int length = terms(names(track)).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            if (length > 0) {
                terms += length;
                documents++;
            }
        }
        return new Bm25Vectors(documents == 0 ? 1f : (float) (terms / (double) documents));
    }

    /** The text the embedded index analyzes for names (LuceneVectorStore's "names" field). */
    public static String names(Track track) {
        return track.title() + " \n " + track.artist();
    }

    /** A track's sparse vector; empty when its names hold no term (such a point gets no sparse vector). */
    SparseVector document(Track track) {
        Map<Integer, Float> values = new TreeMap<>();
        Map<String, Integer> tf = terms(names(track));
        int length = tf.values().stream().mapToInt(Integer::intValue).sum();
        // Lucene stores the length in one byte and reads back this approximation of it.
        float encodedLength = SmallFloat.byte4ToInt(SmallFloat.intToByte4(length));
        float norm = K1 * ((1 - B) + B * encodedLength / averageLength);
        tf.forEach((term, freq) -> values.merge(dimension(term), freq / (freq + norm), Float::sum));
        return sparse(values);
    }

    /** A query's sparse vector: each term weighted by how often it occurs (Lucene sums repeated SHOULD clauses). */
    static SparseVector query(String text) {
        Map<Integer, Float> values = new TreeMap<>();
        terms(text).forEach((term, freq) -> values.merge(dimension(term), (float) freq, Float::sum));
        return sparse(values);
    }

    public static Map<String, Integer> terms(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        try (TokenStream stream = ANALYZER.tokenStream("names", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    static int dimension(String term) {
        byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
        return StringHelper.murmurhash3_x86_32(bytes, 0, bytes.length, 0) & 0x7fffffff;
    }

    private static SparseVector sparse(Map<Integer, Float> values) {
        return SparseVector.newBuilder()
                .addAllIndices(values.keySet())
                .addAllValues(values.values())
                .build();
    }

    float averageLength() {
        return averageLength;
    }
}
