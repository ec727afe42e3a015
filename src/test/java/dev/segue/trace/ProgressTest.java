package dev.segue.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A listener's failure never breaks the work, except a listener that means to stop it (a cancelled MCP call). */
class ProgressTest {

    @Test
    void aFailingListenerIsIgnored() {
        List<String> calls = new ArrayList<>();
        List<Integer> found = Progress.reportingTo(
                event -> {
                    throw new IllegalStateException("listener broke");
                },
                () -> new Trace().tool("search_tracks", Map.of(), () -> {
                    calls.add("ran");
                    return List.of(1, 2, 3);
                }));
        assertEquals(List.of(1, 2, 3), found);
        assertEquals(List.of("ran"), calls);
    }

    @Test
    void aStoppingListenerStopsTheWorkAtItsNextStep() {
        List<String> steps = new ArrayList<>();
        Progress.Stopped stopped = assertThrows(
                Progress.Stopped.class,
                () -> Progress.reportingTo(
                        event -> {
                            throw new Progress.Stopped("the client cancelled this request");
                        },
                        () -> {
                            Trace trace = new Trace();
                            trace.tool("search_tracks", Map.of(), () -> {
                                steps.add("first tool");
                                return List.of(1);
                            });
                            steps.add("after the first tool");
                            return trace;
                        }));
        assertEquals("the client cancelled this request", stopped.getMessage());
        assertEquals(List.of("first tool"), steps);
    }
}
