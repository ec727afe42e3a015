package dev.segue.tools.dj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.util.ArrayList;
import java.util.List;

/** A DJ segment as a listener reads it: number, energy and the host's intro, then each track and its artist. */
final class SegmentPrinter {

    private static final String UNKNOWN = "?";

    private SegmentPrinter() {}

    /** The lines to print for one segment's JSON; fields the service left out show as "?". */
    static List<String> lines(String segmentJson) {
        JsonNode segment = Json.read(segmentJson);
        List<String> lines = new ArrayList<>();
        lines.add("#" + text(segment, "segment") + "  energy " + text(segment, "energy") + " — "
                + text(segment, "intro"));
        for (JsonNode track : segment.path("tracks")) {
            lines.add("    " + text(track, "title") + " — " + text(track, "artist"));
        }
        return lines;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : UNKNOWN;
    }
}
