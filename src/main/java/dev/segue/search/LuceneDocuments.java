package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The stored document layout of the embedded index. The tracks index has one document per track, in catalog order: its
 * id stored, the fields filters need indexed, its title and artist analysed for BM25, and the ordinal of its vector.
 * The vectors index has one document per distinct vector, with its ordinal, for dot-product (= cosine on unit vectors)
 * search: tracks with the same tags share one vector, and HNSW does badly among many identical vectors. Change this
 * only with {@link SearchIndex}'s schema version.
 */
final class LuceneDocuments {

    static final String ID = "id";
    static final String TAG = "tag";
    static final String ARTIST = "artist_key";
    static final String YEAR = "year";
    static final String DURATION = "duration";
    static final String EXPLICIT = "explicit";
    static final String INSTRUMENTALNESS = "instrumentalness";
    static final String NAMES = "names";
    static final String VECTOR = "vector";
    static final String VECTOR_ORDINAL = "vector_ordinal";

    private LuceneDocuments() {}

    static Document track(Track track, int vectorOrdinal) {
        Document doc = new Document();
        doc.add(new StringField(ID, track.id(), Field.Store.YES));
        Stream.of(track.genres(), track.moods(), track.instruments())
                .flatMap(List::stream)
                .distinct()
                .forEach(tag -> doc.add(new StringField(TAG, tag, Field.Store.NO)));
        doc.add(new StringField(ARTIST, Catalog.artistKey(track.artist()), Field.Store.NO));
        if (track.year() != null) {
            doc.add(new IntPoint(YEAR, track.year()));
        }
        doc.add(new DoublePoint(DURATION, track.durationSec()));
        if (Boolean.TRUE.equals(track.explicit())) {
            doc.add(new StringField(EXPLICIT, "true", Field.Store.NO));
        }
        if (track.features() != null && track.features().instrumentalness() != null) {
            doc.add(new DoublePoint(INSTRUMENTALNESS, track.features().instrumentalness()));
        }
        doc.add(new TextField(NAMES, track.title() + " \n " + track.artist(), Field.Store.NO));
        doc.add(new NumericDocValuesField(VECTOR_ORDINAL, vectorOrdinal));
        return doc;
    }

    static Document vector(float[] vector, int ordinal) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(VECTOR_ORDINAL, ordinal));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }
}
