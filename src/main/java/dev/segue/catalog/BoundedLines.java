package dev.segue.catalog;

import java.io.IOException;
import java.io.Reader;

/**
 * The physical lines of a catalog file, numbered as a text editor shows them ({@code \n}, {@code \r\n} or {@code \r}
 * ends a line). A line keeps at most {@link RowLimits#ROW_CHARS} characters and the rest is skipped, so a hostile
 * line of gigabytes costs no more memory than a long row.
 */
final class BoundedLines {

    /** One line; {@code tooLong} when characters past the limit were skipped. */
    record Line(String text, long number, boolean tooLong) {}

    private final Reader in;
    private final char[] buffer = new char[1 << 13];
    private int position;
    private int limit;
    private long number;
    private boolean skipLineFeed;

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean started = false;
        while (fill()) {
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            started = true;
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                return new Line(text.toString(), ++number, tooLong);
            }
            if (text.length() < RowLimits.ROW_CHARS) {
                text.append(c);
            } else {
                tooLong = true;
            }
        }
        return started ? new Line(text.toString(), ++number, tooLong) : null;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
