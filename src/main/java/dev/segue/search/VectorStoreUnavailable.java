package dev.segue.search;

/**
 * The vector store cannot answer now (a server unreachable, too slow, failing, or holding an unusable collection).
 * The API answers 503 with Retry-After: it is not the caller's mistake, and retrying later may work.
 */
public final class VectorStoreUnavailable extends RuntimeException {

    private final int retryAfterSeconds;

    public VectorStoreUnavailable(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The first VectorStoreUnavailable in a cause chain (planners and futures may wrap it), or null. */
    public static VectorStoreUnavailable in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof VectorStoreUnavailable unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
