package dev.segue.embedding;

/** Small vector maths on unit-length float vectors. */
public final class Vectors {

    private Vectors() {}

    public static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v.clone();
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Normalised weighted sum: a blend of two directions (e.g. the prompt and its seed tracks). */
    public static float[] blend(float[] a, double weightA, float[] b, double weightB) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] * weightA + b[i] * weightB);
        }
        return normalize(out);
    }

    public static float[] centroid(Iterable<float[]> vectors) {
        float[] sum = null;
        for (float[] v : vectors) {
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return sum == null ? null : normalize(sum);
    }
}
