package dev.segue.agent;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, except when the provider said how long to wait (Retry-After and its cousins, see {@link RetryHints}): then that,
 * capped, so a rate-limited provider is not hammered and a request is not held hostage by a long header.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long baseMillis;
    private final long capMillis;
    private int attempt;

    RetryAfterBackoff(long baseMillis, long capMillis) {
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        attempt++;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http && http.retryAfter().isPresent()) {
                return Math.min(
                        capMillis, http.retryAfter().map(Duration::toMillis).orElse(0L));
            }
        }
        long exponential = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 10));
        return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    }
}
