package dev.segue.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.export.PlaylistExporter.ExportedPlaylist;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * JSPF, XSPF's JSON form, as ListenBrainz reads and writes it: {@code {"playlist": {..., "track": [...]}}} with
 * {@code location} as a list and durations in milliseconds. Jackson does the escaping.
 */
@ApplicationScoped
class JspfWriter {

    private final ObjectMapper json;

    JspfWriter(ObjectMapper json) {
        this.json = json;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(Body playlist) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String title, String annotation, List<Entry> track) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String title, String creator, String album, long duration, List<String> location, String annotation) {}

    String write(ExportedPlaylist playlist) {
        List<Entry> entries = playlist.tracks().stream()
                .map(t -> new Entry(
                        t.title(),
                        t.artist(),
                        t.album(),
                        t.durationMs(),
                        t.location() == null ? List.of() : List.of(t.location()),
                        t.reason()))
                .toList();
        try {
            return json.writeValueAsString(new Document(new Body(playlist.title(), playlist.description(), entries)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings always serialize", e);
        }
    }
}
