package dev.segue.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DJ's Server-Sent Events as a browser's EventSource reads them: heartbeat comments (every segue.dj.heartbeat, 1 s
 * in tests), the end event that closes the stream, resuming by the lastEventId query parameter, and listeners sharing
 * one session. DjApiTest covers segments and resuming by the Last-Event-ID header.
 */
@QuarkusTest
@Timeout(60)
class DjEventsTest {

    /** One thing on the stream: an event (its id, name and data) or a comment. */
    record Sse(String id, String name, String data, String comment) {
        boolean isSegment() {
            return "segment".equals(name);
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void heartbeatsAreCommentsBetweenSegments() throws Exception {
        String id = Api.openSession("{\"prompt\":\"ambient\",\"minutes\":600}");
        List<Sse> read = read(id, "", 2, s -> s.comment() != null);
        assertEquals(
                List.of("heartbeat", "heartbeat"),
                read.stream().map(Sse::comment).filter(c -> c != null).toList());
        assertTrue(read.stream().anyMatch(Sse::isSegment), "segments between them: " + read);
    }

    @Test
    void theEndEventEndsTheStream() throws Exception {
        String id = Api.openSession("{\"prompt\":\"rock\",\"minutes\":5}");
        List<Sse> events = read(id, "", Integer.MAX_VALUE, s -> true).stream()
                .filter(s -> s.comment() == null)
                .toList();
        Sse last = events.get(events.size() - 1);
        assertEquals(new Sse(null, "end", "the session's minutes are played", null), last, events.toString());
        List<Sse> segments = events.subList(0, events.size() - 1);
        assertTrue(!segments.isEmpty() && segments.stream().allMatch(Sse::isSegment), events.toString());
        assertEquals(
                IntStream.rangeClosed(1, segments.size())
                        .mapToObj(String::valueOf)
                        .toList(),
                ids(segments),
                "segments 1, 2, … before the end");
        String lastSeen = segments.get(segments.size() - 1).id();
        List<Sse> again = read(id, "?lastEventId=" + lastSeen, Integer.MAX_VALUE, s -> true);
        assertEquals(List.of(new Sse(null, "end", "the session's minutes are played", null)), again);
    }

    @Test
    void closingASessionEndsItsStream() throws Exception {
        String id = Api.openSession("{\"prompt\":\"jazz\",\"minutes\":600}");
        CompletableFuture<List<Sse>> listening = CompletableFuture.supplyAsync(
                () -> readUnchecked(id, "?lastEventId=1000", 1, s -> "end".equals(s.name())));
        // The listener claims more segments than there are: it hears the new ones, then the end.
        Api.next(id);
        Thread.sleep(500);
        given().when().delete("/api/dj/sessions/" + id).then().statusCode(204);
        List<Sse> read = listening.get();
        assertEquals("1", ids(read).get(0), "from the first segment on: " + read);
        assertEquals("end", read.get(read.size() - 1).name(), read.toString());
    }

    @Test
    void resumingByQueryParameterLosesAndRepeatsNothing() throws Exception {
        String id = Api.openSession("{\"prompt\":\"ambient\",\"minutes\":600}");
        assertEquals(List.of("1", "2", "3"), ids(read(id, "", 3, Sse::isSegment)));
        assertEquals(List.of("3", "4"), ids(read(id, "?lastEventId=2", 2, Sse::isSegment)));
    }

    @Test
    void listenersOfOneSessionHearTheSameSegments() throws Exception {
        String id = Api.openSession("{\"prompt\":\"chill electronic\",\"minutes\":600}");
        CompletableFuture<List<Sse>> first =
                CompletableFuture.supplyAsync(() -> readUnchecked(id, "", 4, Sse::isSegment));
        CompletableFuture<List<Sse>> second =
                CompletableFuture.supplyAsync(() -> readUnchecked(id, "", 4, Sse::isSegment));
        List<Sse> heardFirst = first.get().stream().filter(Sse::isSegment).toList();
        List<Sse> heardSecond = second.get().stream().filter(Sse::isSegment).toList();
        assertEquals(List.of("1", "2", "3", "4"), ids(heardFirst));
        assertEquals(heardFirst, heardSecond, "the same segments, planned once");
    }

    private static List<String> ids(List<Sse> read) {
        return read.stream().filter(Sse::isSegment).map(Sse::id).toList();
    }

    private List<Sse> readUnchecked(String id, String query, int count, Predicate<Sse> counted) {
        try {
            return read(id, query, count, counted);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the stream sends until {@code count} of it passed {@code counted}, or it ends. */
    private List<Sse> read(String id, String query, int count, Predicate<Sse> counted)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/dj/sessions/" + id + "/events" + query))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<Sse> read = new ArrayList<>();
        int seen = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String eventId = null;
            String name = null;
            String data = null;
            for (String line; seen < count && (line = reader.readLine()) != null; ) {
                Sse sse = null;
                if (line.startsWith(":")) {
                    sse = new Sse(null, null, null, line.substring(1));
                } else if (line.startsWith("id:")) {
                    eventId = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.isEmpty() && data != null) {
                    sse = new Sse(eventId, name, data, null);
                    eventId = null;
                    name = null;
                    data = null;
                }
                if (sse != null) {
                    read.add(sse);
                    seen += counted.test(sse) ? 1 : 0;
                }
            }
        }
        return read;
    }
}
