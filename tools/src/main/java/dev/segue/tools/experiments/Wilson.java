package dev.segue.tools.experiments;

/** The Wilson score interval of a proportion: honest near 0 and 1, where the normal approximation is not. */
record Wilson(int successes, int trials, double rate, double low, double high) {

    private static final double Z = 1.959963984540054;

    static Wilson of(int successes, int trials) {
        if (trials == 0) {
            return new Wilson(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = successes / (double) trials;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return new Wilson(successes, trials, p, centre - half, centre + half);
    }

    boolean contains(double value) {
        return low <= value && value <= high;
    }
}
