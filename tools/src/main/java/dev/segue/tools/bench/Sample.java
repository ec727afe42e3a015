package dev.segue.tools.bench;

/**
 * One measured request. {@code status} is -1 and {@code error} names the exception when sending threw (connection
 * refused, timeout); {@code tracks} is the playlist's length, 0 unless the playlist was created.
 */
record Sample(long nanos, int status, String error, int tracks) {

    static final int CREATED = 201;

    boolean ok() {
        return status == CREATED;
    }

    /** How the request ended, for the error breakdown: the status code or the exception's class. */
    String outcome() {
        return error != null ? error : Integer.toString(status);
    }
}
