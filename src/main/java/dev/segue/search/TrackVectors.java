package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.Arrays;
import java.util.Map;

/** Every track's embedding in memory, by catalog position: similarity, flow ordering and seeds without an index round trip. */
public final class TrackVectors {

    private final Catalog catalog;
    private final float[][] byPosition;

    TrackVectors(Catalog catalog, float[][] byPosition) {
        this.catalog = catalog;
        this.byPosition = byPosition;
    }

    public float[] of(Track track) {
        int position = catalog.position(track.id());
        return position < 0 ? null : byPosition[position];
    }

    public float[] of(String trackId) {
        int position = catalog.position(trackId);
        return position < 0 ? null : byPosition[position];
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
        return new TrackVectors(catalog, byPosition);
    }

    /** Sets a track's vector (the index fills these in place when it opens after start). */
    void put(String trackId, float[] vector) {
        int position = catalog.position(trackId);
        if (position >= 0) {
            byPosition[position] = vector;
        }
    }

    void clear() {
        Arrays.fill(byPosition, null);
    }

    /** Number of tracks without a vector (should be zero; anything else means the index is stale). */
    int missing() {
        int missing = 0;
        for (float[] v : byPosition) {
            if (v == null) {
                missing++;
            }
        }
        return missing;
    }
}
