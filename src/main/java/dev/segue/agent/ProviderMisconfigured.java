package dev.segue.agent;

/**
 * The base URL does not lead to the API Segue speaks (a web page, Ollama's native API, no chat endpoint at all): a
 * setting to fix, not an outage. Not retried, not counted by the circuit breaker; the message says what to set.
 */
final class ProviderMisconfigured extends RuntimeException {

    ProviderMisconfigured(String message) {
        super(message);
    }
}
