package dev.segue.tools.experiments;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a CSV file with a header row into maps by column, quoted fields and all. */
final class Csv {

    private Csv() {}

    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = null;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            StringBuilder pending = new StringBuilder();
            while ((line = reader.readLine()) != null) {
                pending.append(line);
                if (quotes(pending) % 2 == 1) {
                    pending.append('\n');
                    continue;
                }
                List<String> fields = split(pending.toString());
                pending.setLength(0);
                if (header == null) {
                    header = fields;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < fields.size(); i++) {
                    row.put(header.get(i), fields.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long quotes(CharSequence s) {
        return s.chars().filter(c -> c == '"').count();
    }

    static List<String> split(String line) {
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
