package dev.segue.agent;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.segue.search.VectorStoreUnavailable;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How the LLM path fails, sorted by what happens next: a vector store that is down ends the request (a 503, no
 * planner can search), a bound stops the agent (the tools' results still make the playlist), transient provider
 * failures are retried, and the provider's failures after that (down, slow, erroring, circuit open) hand the request
 * to the offline planner. Also the words a note uses for each: never a key, never the prompt.
 */
final class LlmFailures {

    private LlmFailures() {}

    /** The vector store is down: no planner can search, so the request ends now (a 503 with Retry-After). */
    static void rethrowIfStoreDown(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof VectorStoreUnavailable down) {
                throw down;
            }
        }
    }

    /** A bound stopped the agent inside a tool: the run ends, not just the tool call. */
    static void rethrowIfStopped(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AgentStopped stopped) {
                throw stopped;
            }
        }
    }

    /** Failures of the provider itself (after retries): the offline planner takes over. */
    static boolean isProviderFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LangChain4jException
                    || t instanceof ProviderHttpClient.ProviderUnreachableException
                    || t instanceof FaultToleranceException) {
                return true;
            }
        }
        return false;
    }

    /** Failures worth another try: rate limits, server errors, timeouts, an unreachable server. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpClient.ProviderHttpException http) {
                int status = http.statusCode();
                return status == 408 || status == 429 || status >= 500;
            }
            if (t instanceof RateLimitException
                    || t instanceof InternalServerException
                    || LlmClient.isTimeout(t)
                    || t instanceof ProviderHttpClient.ProviderUnreachableException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Why the LLM path failed, in words for a note. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return "the provider failed repeatedly and its circuit breaker is open";
            }
            if (t instanceof TimeoutException || LlmClient.isTimeout(t)) {
                return "the provider timed out";
            }
            if (t instanceof ProviderHttpClient.ProviderHttpException http) {
                return "the provider answered HTTP " + http.statusCode();
            }
            if (t instanceof ProviderHttpClient.ProviderUnreachableException) {
                return "the provider could not be reached";
            }
        }
        return ModelText.clip(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 200);
    }

    /** The root cause's message, for the model (a tool error) or a note. */
    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ModelText.clip(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), 200);
    }
}
