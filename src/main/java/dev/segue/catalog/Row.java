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

    /** Trimmed text, or null when absent or blank. */
    public String text(String column) {
        Object value = values.get(column);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
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

    /** Tags from a '|'-joined string or a JSON array, normalised to the catalog's tag spelling. */
    public List<String> tags(String column) {
        Object value = values.get(column);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                addTag(out, item == null ? null : item.toString());
            }
        } else if (value != null) {
            for (String part : value.toString().split("\\|")) {
                addTag(out, part);
            }
        }
        return out;
    }

    private static void addTag(List<String> out, String raw) {
        String tag = Tags.normalize(raw);
        if (tag != null && !out.contains(tag)) {
            out.add(tag);
        }
    }

    private static double finite(String column, double value) {
        if (!Double.isFinite(value)) {
            throw new RowRejectedException("bad number in " + column);
        }
        return value;
    }
}
