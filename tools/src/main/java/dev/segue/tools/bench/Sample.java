package dev.segue.tools.bench;

/**
 * One measured request. {@code status} is -1 and {@code error} names the exception when sending threw (connection
 * refused, timeout); {@code tracks} is how many tracks the answer held (a playlist's length, a search's hits), 0 unless
 * it succeeded; {@code expected} is the status that counts as success (201 for a created playlist, 200 for a search).
 */
public record Sample(long nanos, int status, String error, int tracks, int expected) {

    public static final int CREATED = 201;
    public static final int OK = 200;

    /** A playlist request: only 201 Created is a success. */
    public Sample(long nanos, int status, String error, int tracks) {
        this(nanos, status, error, tracks, CREATED);
    }

    public boolean ok() {
        return status == expected;
    }

    /** How the request ended, for the error breakdown: the status code or the exception's class. */
    String outcome() {
        return error != null ? error : Integer.toString(status);
    }
}
