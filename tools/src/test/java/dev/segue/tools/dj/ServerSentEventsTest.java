package dev.segue.tools.dj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    @Test
    void readsNamedEventsAndSkipsHeartbeatsAndIds() throws IOException {
        String stream = ": heartbeat\n\n"
                + "event: segment\nid: 1\ndata: {\"segment\":1}\n\n"
                + "event:segment\ndata:{\"a\":\ndata: 2}\n\n"
                + "data: plain\n\n"
                + "event: end\ndata: done\n";
        ServerSentEvents events = new ServerSentEvents(new BufferedReader(new StringReader(stream)));

        assertEquals(
                new ServerSentEvents.Event("segment", "{\"segment\":1}"),
                events.next().orElseThrow());
        assertEquals(
                new ServerSentEvents.Event("segment", "{\"a\":\n2}"),
                events.next().orElseThrow());
        assertEquals(
                new ServerSentEvents.Event("message", "plain"), events.next().orElseThrow());
        assertTrue(events.next().isEmpty(), "an event cut off before its blank line is not dispatched");
    }
}
