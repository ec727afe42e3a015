package dev.segue.dj;

/** What an SSE listener of a DJ session hears: segments, a heartbeat now and then, and at last the end. */
public sealed interface DjEvent {

    DjEvent HEARTBEAT = new Heartbeat();
    DjEvent END = new End();

    record Segment(DjSegment segment) implements DjEvent {}

    /** Nothing new, but the connection lives (proxies close quiet ones); every segue.dj.heartbeat. */
    record Heartbeat() implements DjEvent {}

    /** The session's minutes are played, or it was closed; nothing follows. */
    record End() implements DjEvent {}
}
