package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a recorded answer is rewritten to, and nothing else: the tool calls' names and arguments become Segue's, in
 * order, and the text of a final answer becomes a selection of Segue's tracks. Text that is split over many streamed
 * chunks is split again over the same chunks, so the stream keeps its recorded shape.
 */
record Rewrite(List<Call> calls, String answer) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A call to one of Segue's tools. */
    record Call(String name, Map<String, Object> arguments) {
        String argumentsJson() {
            try {
                return JSON.writeValueAsString(arguments);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ObjectNode argumentsObject() {
            return JSON.valueToTree(arguments);
        }
    }

    static final Rewrite NOTHING = new Rewrite(List.of(), null);

    static Rewrite calling(Call... calls) {
        return new Rewrite(List.of(calls), null);
    }

    static Rewrite answering(String text) {
        return new Rewrite(List.of(), text);
    }

    /** The n-th call (the last one again when the recording made more calls than the script lists). */
    Call call(int n) {
        return calls.get(Math.min(n, calls.size() - 1));
    }

    /** The text split into as many pieces as there are recorded pieces; every piece but empty ones gets some. */
    static List<String> split(String text, int pieces) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < pieces; i++) {
            int end = i == pieces - 1
                    ? text.length()
                    : Math.min(text.length(), at + (text.length() + pieces - 1) / pieces);
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
