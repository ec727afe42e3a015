package dev.segue.tools.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the tools write numbers: a fixed number of decimals, the same on every locale, and "-" for "no value". */
public final class Numbers {

    private Numbers() {}

    /** {@code v} with {@code digits} decimals, or "-" for NaN (e.g. a latency over no successful request). */
    public static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A number for a JSON report, rounded to 3 decimals; null where JSON has no number (NaN, infinity). */
    public static BigDecimal json(double v) {
        return Double.isNaN(v) || Double.isInfinite(v)
                ? null
                : BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
    }
}
