package dev.segue.dj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.config.StrictJson;
import dev.segue.dj.DjState.History;
import dev.segue.dj.DjState.Host;
import dev.segue.dj.DjState.Progress;
import dev.segue.dj.DjState.Session;
import dev.segue.dj.DjState.Wishes;
import dev.segue.planner.Intent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions live in dj_sessions as JSON: what the first version wrote (src/test/resources/dj, taken from a running
 * service: a busy session with every kind of request and feedback, and a fresh one with its nulls) must read back as
 * the same state and be written back byte for byte, so that rows written before and after a change mix freely.
 */
@QuarkusTest
class DjStateJsonTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    DjStore store;

    @ParameterizedTest
    @ValueSource(strings = {"dj/session-v1-busy.json", "dj/session-v1-fresh.json"})
    void aStoredSessionWritesBackIdentically(String resource) throws IOException {
        ObjectMapper json = StrictJson.lenient(mapper);
        String stored = read(resource);
        DjState state = json.readValue(stored, DjState.class);
        assertEquals(stored, json.writeValueAsString(state));
    }

    @Test
    void aBusySessionReadsBackEqual() throws IOException {
        String stored = read("dj/session-v1-busy.json");
        Intent intent = mapper.treeToValue(mapper.readTree(stored).get("intent"), Intent.class);
        assertEquals(List.of("piano", "electricpiano"), intent.excludeTags(), "the fixture has an exclusion");
        DjState expected = new DjState(
                new Session(
                        "3c3ec68a-5158-437c-9650-162259992b97",
                        "listener-7",
                        "calm piano for a rainy afternoon",
                        90,
                        Instant.parse("2026-11-30T12:27:11.321Z"),
                        intent),
                new History(
                        List.of(
                                "jamendo:6721",
                                "jamendo:1264107",
                                "jamendo:1163224",
                                "jamendo:1269566",
                                "jamendo:33449",
                                "jamendo:1116406",
                                "jamendo:1058325",
                                "jamendo:1210719",
                                "jamendo:1393180"),
                        List.of("jamendo:6721"),
                        List.of("jamendo:1116406"),
                        0.25),
                new Wishes(
                        true,
                        "Jahzzar",
                        List.of("jazz", "acidjazz", "jazzfusion", "swing"),
                        List.of("jamendo:1116406", "jamendo:1058325", "jamendo:1210719", "jamendo:1393180")),
                new Progress(1599.6, 3),
                new Host(
                        List.of(
                                "Here's Steven Dunston with \u201cSideways\u201d, all pop, followed by \u201cFaith\u201d by"
                                        + " Kendra Logozar - Contemporary Piano.",
                                "Esther Garcia opens this set with \u201cEvening\u201d, all chill out; Traffic In My Head keeps"
                                        + " it going with \u201cTheme in g\u201d.",
                                "You asked for \"no more piano\". Building the energy. First \u201cAn Unexpected Change\u201d"
                                        + " from Dave Imbern\u00f6n, then \u201cRainbow Stone - Remix (instrumental)\u201d by"
                                        + " Fresh Body Shop."),
                        "play Jahzzar"));
        assertEquals(expected, StrictJson.lenient(mapper).readValue(stored, DjState.class));
    }

    @Test
    void aFreshSessionReadsBackWithItsNulls() throws IOException {
        DjState state = StrictJson.lenient(mapper).readValue(read("dj/session-v1-fresh.json"), DjState.class);
        assertEquals("an eclectic mix", state.vibe());
        assertEquals(null, state.session().userId());
        assertEquals(null, state.wishes().artistNext());
        assertEquals(null, state.host().lastRequest());
        assertEquals(DjState.opened(state.session()), state, "nothing played, no feedback, no wishes");
    }

    @Test
    void aSessionWithoutTheFieldsAddedLaterReadsWithEmptyLists() throws IOException {
        ObjectNode older = (ObjectNode) mapper.readTree(read("dj/session-v1-busy.json"));
        older.remove(List.of("focusNext", "moreLike", "intros", "lastRequest"));
        DjState state = StrictJson.lenient(mapper).treeToValue(older, DjState.class);
        assertEquals(List.of(), state.wishes().focusNext());
        assertEquals(List.of(), state.wishes().moreLike());
        assertEquals(new Host(List.of(), null), state.host());
        assertEquals("Jahzzar", state.wishes().artistNext(), "the rest reads as it was");
    }

    @Test
    void theStoreKeepsWhatItReads() throws IOException {
        DjState state = StrictJson.lenient(mapper).readValue(read("dj/session-v1-busy.json"), DjState.class);
        store.save(state);
        try {
            assertEquals(state, store.find(state.id()).orElseThrow());
        } finally {
            store.delete(state.id());
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = DjStateJsonTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
