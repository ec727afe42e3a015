package dev.segue.embedding;

import java.util.Arrays;

/** A vector as a map key: equal when every component is (tracks with the same text share one). */
public record VectorKey(float[] vector) {

    @Override
    public boolean equals(Object other) {
        return other instanceof VectorKey key && Arrays.equals(vector, key.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "VectorKey" + Arrays.toString(vector);
    }
}
