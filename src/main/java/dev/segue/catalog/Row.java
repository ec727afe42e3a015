package dev.segue.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One source row (a CSV record or a JSONL object) with typed, validating accessors. */
public final class Row {

    private final Map<String, ?> values;
    private final long line;

    public Row(Map<String, ?> values, long line) {
        this.values = values;
        this.line = line;
    }

    public long line() {
        return line;
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** Trimmed text without control characters, or null when absent or blank; at most {@link RowLimits#TEXT_CHARS}. */
    public String text(String column) {
        return text(column, RowLimits.TEXT_CHARS);
    }

    /** @throws RowRejectedException when the text is longer than {@code maxChars} */
    public String text(String column, int maxChars) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        String text = clean(value.toString());
        if (text.length() > maxChars) {
            throw new RowRejectedException(column + " longer than " + maxChars + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    public String required(String column) {
        String text = text(column);
        if (text == null) {
            throw new RowRejectedException("missing " + column);
        }
        return text;
    }

    public Double decimal(String column) {
        Object value = values.get(column);
        if (value instanceof Number number) {
            return finite(column, number.doubleValue());
        }
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return finite(column, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new RowRejectedException("bad number in " + column);
        }
    }

    public Integer integer(String column) {
        Double value = decimal(column);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new RowRejectedException("bad integer in " + column);
        }
        return value.intValue();
    }

    public Boolean bool(String column) {
        Object value = values.get(column);
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(column);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> true;
            case "false", "0", "no", "n" -> false;
            default -> throw new RowRejectedException("bad boolean in " + column);
        };
    }

    /**
     * Tags from a '|'-joined string or a JSON array, normalised to the catalog's tag spelling.
     *
     * @throws RowRejectedException past {@link RowLimits#TAGS_PER_CATEGORY} distinct tags or a tag past {@link
     *     RowLimits#TAG_CHARS}; counting stops at the limit, so 50,000 tags cost no more than 65
     */
    public List<String> tags(String column) {
        Object value = values.get(column);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                addTag(out, column, item == null ? null : item.toString());
            }
        } else if (value != null) {
            for (String part : value.toString().split("\\|")) {
                addTag(out, column, part);
            }
        }
        return out;
    }

    private static void addTag(List<String> out, String column, String raw) {
        String tag = Tags.normalize(raw == null ? null : clean(raw));
        if (tag == null || out.contains(tag)) {
            return;
        }
        if (tag.length() > RowLimits.TAG_CHARS) {
            throw new RowRejectedException("tag longer than " + RowLimits.TAG_CHARS + " characters in " + column);
        }
        if (out.size() == RowLimits.TAGS_PER_CATEGORY) {
            throw new RowRejectedException("more than " + RowLimits.TAGS_PER_CATEGORY + " tags in " + column);
        }
        out.add(tag);
    }

    /**
     * Trimmed, with line breaks and tabs as spaces and without the characters that only disturb: other C0 and C1
     * controls, bidirectional overrides and isolates (they reorder what a listener reads), zero-width spaces and the
     * byte-order mark. Zero-width joiners stay: scripts and emoji need them.
     */
    static String clean(String raw) {
        int i = 0;
        while (i < raw.length() && !unwanted(raw.charAt(i))) {
            i++;
        }
        if (i == raw.length()) {
            return raw.trim();
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, i);
        for (; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!unwanted(c)) {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    private static boolean unwanted(char c) {
        return Character.isISOControl(c)
                || c == '\u200B'
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C'
                || c == '\u2060'
                || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static double finite(String column, double value) {
        if (!Double.isFinite(value)) {
            throw new RowRejectedException("bad number in " + column);
        }
        return value;
    }
}
