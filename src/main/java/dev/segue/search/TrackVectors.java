package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.Map;

/**
 * Every track's embedding by catalog position: similarity, flow ordering and seeds without an index round trip. The
 * embedded index serves them from its vector file (a copy per call; a large file is not held on the heap); a store
 * on a server has them read into memory once.
 */
public final class TrackVectors {

    /** Where the vectors are, by catalog position. */
    interface Source {
        /** The vector of the track at this position, or null when there is none. */
        float[] at(int position);

        /** How many of the catalog's tracks have no vector (should be zero; anything else means a stale index). */
        int missing(int catalogSize);
    }

    private final Catalog catalog;
    private volatile Source source;

    private TrackVectors(Catalog catalog, Source source) {
        this.catalog = catalog;
        this.source = source;
    }

    /** No vectors yet: the index fills them in when it opens. */
    static TrackVectors empty(Catalog catalog) {
        return new TrackVectors(catalog, onHeap(new float[0][]));
    }

    public float[] of(Track track) {
        return of(track.id());
    }

    public float[] of(String trackId) {
        int position = catalog.position(trackId);
        return position < 0 ? null : source.at(position);
    }

    /** Vectors given by track id (tests, and stores that fetch vectors on demand). */
    public static TrackVectors of(Catalog catalog, Map<String, float[]> byId) {
        float[][] byPosition = new float[catalog.size()][];
        byId.forEach((id, v) -> {
            int position = catalog.position(id);
            if (position >= 0) {
                byPosition[position] = v;
            }
        });
        return new TrackVectors(catalog, onHeap(byPosition));
    }

    /** Vectors held in memory, by position. */
    static Source onHeap(float[][] byPosition) {
        return new Source() {
            @Override
            public float[] at(int position) {
                return position < byPosition.length ? byPosition[position] : null;
            }

            @Override
            public int missing(int catalogSize) {
                int missing = Math.max(0, catalogSize - byPosition.length);
                for (float[] v : byPosition) {
                    if (v == null) {
                        missing++;
                    }
                }
                return missing;
            }
        };
    }

    /** Serves vectors from this source from now on (the index opening, or opening again after a rebuild). */
    void use(Source vectors) {
        this.source = vectors;
    }

    /** Number of tracks without a vector (should be zero; anything else means the index is stale). */
    int missing() {
        return source.missing(catalog.size());
    }
}
