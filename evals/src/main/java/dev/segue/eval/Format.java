package dev.segue.eval;

import java.util.Locale;

/** Numbers as people read them in tables: no trailing zeros, at most three decimals. */
public final class Format {

    private Format() {}

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        String s = String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    public static String metric(String name, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return name.endsWith("_ms")
                ? String.format(Locale.ROOT, "%.0f", value)
                : Metrics.COST.contains(name) || Metrics.COUNTS.contains(name)
                        ? Format.number(value)
                        : String.format(Locale.ROOT, "%.3f", value);
    }
}
