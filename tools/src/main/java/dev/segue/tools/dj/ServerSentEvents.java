package dev.segue.tools.dj;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a text/event-stream: an event is its "event:" name and "data:" lines, ended by a blank line. Comments (the
 * service's heartbeats) and ids are skipped; an event without a name is a "message", as the SSE standard says.
 */
final class ServerSentEvents {

    record Event(String name, String data) {}

    private final BufferedReader reader;

    ServerSentEvents(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next event, or empty when the stream ended. */
    Optional<Event> next() throws IOException {
        String name = null;
        StringBuilder data = null;
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(name != null ? name : "message", data.toString()));
                }
                name = null;
            } else if (line.startsWith("event:")) {
                name = value(line, "event:");
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(value(line, "data:"));
            }
        }
        return Optional.empty();
    }

    /** A field's value: what follows the colon, less one leading space. */
    private static String value(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
