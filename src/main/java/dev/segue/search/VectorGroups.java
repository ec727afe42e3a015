package dev.segue.search;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Tracks grouped by their shared vector: for each track (by document id, which is its catalog position) the ordinal
 * of its vector, and for each vector its tracks in catalog order. Two int arrays and an offset table: 9 bytes a
 * track, read from the tracks index's doc values when it opens.
 */
final class VectorGroups {

    private final int[] vectorOfTrack;
    private final int[] firstTrack;
    private final int[] tracks;

    private VectorGroups(int[] vectorOfTrack, int vectors) {
        this.vectorOfTrack = vectorOfTrack;
        this.firstTrack = new int[vectors + 1];
        for (int ordinal : vectorOfTrack) {
            firstTrack[ordinal + 1]++;
        }
        for (int v = 0; v < vectors; v++) {
            firstTrack[v + 1] += firstTrack[v];
        }
        this.tracks = new int[vectorOfTrack.length];
        int[] next = firstTrack.clone();
        for (int track = 0; track < vectorOfTrack.length; track++) {
            tracks[next[vectorOfTrack[track]]++] = track; // ascending: each group is in catalog order
        }
    }

    static VectorGroups read(DirectoryReader tracksIndex, int vectors) throws IOException {
        return new VectorGroups(ordinals(tracksIndex, vectors), vectors);
    }

    /** Each document's vector ordinal, by document id (tracks, or the vectors index's own documents). */
    static int[] ordinals(DirectoryReader index, int vectors) throws IOException {
        int[] ordinals = new int[index.maxDoc()];
        for (LeafReaderContext leaf : index.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(LuceneDocuments.VECTOR_ORDINAL);
            if (values == null) {
                throw new IOException("the index has no vector ordinals");
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                int ordinal = (int) values.longValue();
                if (ordinal < 0 || ordinal >= vectors) {
                    throw new IOException(
                            "document " + (leaf.docBase + doc) + " points at vector " + ordinal + " of " + vectors);
                }
                ordinals[leaf.docBase + doc] = ordinal;
            }
        }
        return ordinals;
    }

    int trackCount() {
        return vectorOfTrack.length;
    }

    int vectorCount() {
        return firstTrack.length - 1;
    }

    int vectorOf(int track) {
        return vectorOfTrack[track];
    }

    int groupStart(int vector) {
        return firstTrack[vector];
    }

    int groupEnd(int vector) {
        return firstTrack[vector + 1];
    }

    int trackAt(int index) {
        return tracks[index];
    }
}
