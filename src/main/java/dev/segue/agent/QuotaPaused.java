package dev.segue.agent;

/** The provider's quota is used up and the LLM is paused: no call is made until the pause ends. */
final class QuotaPaused extends RuntimeException {

    QuotaPaused(String message) {
        super(message);
    }
}
