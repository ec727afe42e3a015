package dev.segue.tools.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads and writes CSV: a header row, then records, quoted fields and all (RFC 4180). */
public final class Csv {

    private Csv() {}

    public static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<List<String>> header = new ArrayList<>(1);
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            records(reader, fields -> {
                if (header.isEmpty()) {
                    header.add(fields);
                    return;
                }
                Map<String, String> row = new HashMap<>();
                List<String> names = header.getFirst();
                for (int i = 0; i < names.size() && i < fields.size(); i++) {
                    row.put(names.get(i), fields.get(i));
                }
                rows.add(row);
            });
        }
        return rows;
    }

    /** Every record, the header first, as its fields; a quoted field may span lines. */
    public static void records(BufferedReader reader, Consumer<List<String>> each) throws IOException {
        String line;
        StringBuilder pending = new StringBuilder();
        while ((line = reader.readLine()) != null) {
            pending.append(line);
            if (quotes(pending) % 2 == 1) {
                pending.append('\n');
                continue;
            }
            each.accept(split(pending.toString()));
            pending.setLength(0);
        }
    }

    /** One CSV line (no line break) of these fields, quoted where a field holds a comma, a quote or a line break. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            boolean quote = field.indexOf(',') >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return out.toString();
    }

    private static long quotes(CharSequence s) {
        return s.chars().filter(c -> c == '"').count();
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
