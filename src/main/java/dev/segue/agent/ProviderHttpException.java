package dev.segue.agent;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer from the provider, read for what it means ({@link ProviderErrors}): what happens next depends on
 * its {@link Meaning}, and a note can quote the provider's own message (sanitised: no keys, shortened).
 */
final class ProviderHttpException extends HttpException {

    /** What the answer says about the provider, and so what to do about it. */
    enum Meaning {
        /** About this request or the settings (a bad argument, an unknown model, a wrong key): no retry, no outage. */
        REQUEST,
        /** Rate limited for a while we can wait: retry after the provider's wait. */
        RATE_LIMITED,
        /** A quota is used up, or the wait is longer than a request can give: no retry; the LLM pauses. */
        QUOTA,
        /** The provider failed or is overloaded (5xx, 529, 408): retry. */
        SERVER
    }

    private final Meaning meaning;
    private final Duration retryAfter;
    private final String providerMessage;

    ProviderHttpException(int status, String body, Meaning meaning, Duration retryAfter, String providerMessage) {
        super(status, body);
        this.meaning = meaning;
        this.retryAfter = retryAfter;
        this.providerMessage = providerMessage;
    }

    Meaning meaning() {
        return meaning;
    }

    /** How long the provider asked us to wait (Retry-After and its cousins), when it said. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The provider's message, sanitised and shortened; empty when it sent none. */
    Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    /** Never the body: it may repeat the request, and the request may hold the listener's words. */
    @Override
    public String getMessage() {
        return "HTTP " + statusCode() + providerMessage().map(m -> ": " + m).orElse("");
    }
}
