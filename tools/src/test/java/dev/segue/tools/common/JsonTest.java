package dev.segue.tools.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.segue.tools.Bodies;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesRequestBodiesAsJsonNeeds() {
        String body = Json.object("prompt", "play \"So What\" \\ then — café\n");

        assertEquals(
                "play \"So What\" \\ then — café\n",
                Json.read(body).path("prompt").asText());
    }

    @Test
    void readsTheTopLevelIdNotATracksId() {
        // A playlist's tracks have ids too; the old regex took the first "id" in the text and relied on the order.
        assertEquals("be87601a-d048-4b54-9dfe-d5f4bcf0771c", Json.text(Bodies.read("playlist.json"), "id"));
        assertEquals("6e97d96c-b1be-453e-aad4-a92b34aab5af", Json.text(Bodies.read("dj-session.json"), "id"));
    }

    @Test
    void aBodyThatIsNotJsonHasNoFields() {
        assertNull(Json.text("<html>502 Bad Gateway</html>", "id"));
        assertNull(Json.text(null, "id"));
        assertNull(Json.text("{\"tracks\":[]}", "tracks"));
    }
}
