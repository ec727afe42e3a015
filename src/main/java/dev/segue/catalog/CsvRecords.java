package dev.segue.catalog;

import dev.segue.catalog.BoundedLines.Line;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Groups a CSV file's lines into records the way the CSV parser reads quotes (a quote opens a field only at its
 * start, {@code ""} inside quotes is a quote), so that an unbalanced quote cannot swallow the rows after it. A quoted
 * field may span lines, but a record is an unbalanced quote when it reaches the end of the file, runs past
 * {@link RowLimits#RECORD_LINES} lines or {@link RowLimits#ROW_CHARS} characters, takes in a line that is a whole row
 * by itself (as many fields as the header, quotes balanced), or spans lines and does not parse. Then only its first
 * line is rejected, and reading resumes on the line after it: the rows it would have taken are read as rows.
 */
final class CsvRecords {

    static final String UNBALANCED_QUOTE = "unbalanced quote";
    static final String MALFORMED = "malformed CSV record";

    /** A record's lines and text (lines joined with {@code \n}), or the reason it was rejected before parsing. */
    record Record(List<Line> lines, String text, String rejection) {
        long line() {
            return lines.getFirst().number();
        }
    }

    /** Whether a line ends inside quotes, and how many fields it started or continued. */
    private record Scan(boolean open, int fields) {}

    private final BoundedLines source;
    private final Deque<Line> replay = new ArrayDeque<>();
    private int columns;

    CsvRecords(BoundedLines source) {
        this.source = source;
    }

    /** The header's width: a continuation line this wide with balanced quotes is a row, not part of a field. */
    void expectColumns(int count) {
        this.columns = count;
    }

    /** The next record, or null at the end of the file; blank lines between records are skipped. */
    Record next() throws IOException {
        Line first = nextLine();
        while (first != null && !first.tooLong() && first.text().isBlank()) {
            first = nextLine();
        }
        if (first == null) {
            return null;
        }
        if (first.tooLong()) {
            return new Record(List.of(first), null, RowLimits.ROW_TOO_LONG);
        }
        boolean open = scan(first.text(), false).open();
        if (!open) {
            return new Record(List.of(first), first.text(), null);
        }
        List<Line> lines = new ArrayList<>(List.of(first));
        int chars = first.text().length();
        while (open) {
            Line line = nextLine();
            if (line == null
                    || line.tooLong()
                    || lines.size() >= RowLimits.RECORD_LINES
                    || chars + 1 + line.text().length() > RowLimits.ROW_CHARS
                    || isWholeRow(line)) {
                if (line != null) {
                    replay.addFirst(line);
                }
                return unbalanced(lines);
            }
            lines.add(line);
            chars += 1 + line.text().length();
            open = scan(line.text(), true).open();
        }
        StringBuilder text = new StringBuilder(chars);
        for (Line line : lines) {
            text.append(text.isEmpty() ? "" : "\n").append(line.text());
        }
        return new Record(List.copyOf(lines), text.toString(), null);
    }

    /**
     * The reason for a record the parser refused. One that spans lines opened a quote it did not close where it
     * should have: its later lines are read again as rows.
     */
    String malformed(Record record) {
        return record.lines().size() > 1 ? unbalanced(record.lines()).rejection() : MALFORMED;
    }

    private Record unbalanced(List<Line> lines) {
        for (int i = lines.size() - 1; i > 0; i--) {
            replay.addFirst(lines.get(i));
        }
        return new Record(List.of(lines.getFirst()), null, UNBALANCED_QUOTE);
    }

    private Line nextLine() throws IOException {
        return replay.isEmpty() ? source.next() : replay.removeFirst();
    }

    private boolean isWholeRow(Line line) {
        Scan alone = scan(line.text(), false);
        return columns > 1 && !alone.open() && alone.fields() == columns;
    }

    private static Scan scan(String text, boolean inQuotes) {
        boolean quoted = inQuotes;
        boolean fieldStart = !inQuotes;
        int fields = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == ',') {
                fields++;
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
            }
        }
        return new Scan(quoted, fields);
    }
}
