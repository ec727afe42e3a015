package dev.segue.agent;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.segue.agent.ProviderHttpException.Meaning;
import dev.segue.search.VectorStoreUnavailable;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How the LLM path fails, sorted by what happens next: a vector store that is down ends the request (a 503, no
 * planner can search), a bound stops the agent (the tools' results still make the playlist), transient provider
 * failures are retried, and the provider's failures after that (down, slow, erroring, misconfigured, out of quota,
 * circuit open) hand the request to the offline planner. Also the words a note uses for each: never a key, never the
 * prompt.
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
                    || t instanceof ProviderMisconfigured
                    || t instanceof QuotaPaused
                    || t instanceof FaultToleranceException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failures worth another try: rate limits with a wait we can give, server errors, call timeouts, an unreachable
     * server. Not a provider that sent nothing in time (dead, not slow), nor anything about the request or settings.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return http.meaning() == Meaning.SERVER || http.meaning() == Meaning.RATE_LIMITED;
            }
            if (t instanceof AnswerDeadlines.Missed missed) {
                return !missed.firstByte();
            }
            if (t instanceof ProviderMisconfigured) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
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

    /** What counts toward the circuit breaker: the provider failing, not a request it refused or a wrong setting. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return http.meaning() == Meaning.SERVER || http.meaning() == Meaning.RATE_LIMITED;
            }
            if (t instanceof ProviderMisconfigured || t instanceof AgentStopped) {
                return false;
            }
        }
        return true;
    }

    /** A used-up quota (or a wait longer than a request can give): the quota breaker opens at once. */
    static boolean isQuota(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return http.meaning() == Meaning.QUOTA;
            }
        }
        return false;
    }

    /** Why the LLM path failed, in words for a note. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnswerDeadlines.Missed missed) {
                return missed.getMessage(); // which deadline says more than the timeout that carries it
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QuotaPaused || t instanceof ProviderMisconfigured) {
                return t.getMessage();
            }
            if (t instanceof CircuitBreakerOpenException) {
                return "the provider failed repeatedly and its circuit breaker is open";
            }
            if (t instanceof ProviderHttpException http) {
                return describe(http);
            }
            if (t instanceof TimeoutException || LlmClient.isTimeout(t)) {
                return "the provider timed out";
            }
            if (t instanceof ProviderHttpClient.ProviderUnreachableException) {
                return "the provider could not be reached";
            }
        }
        return ModelText.clip(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 200);
    }

    static String describe(ProviderHttpException http) {
        String says = http.providerMessage().map(m -> ": " + m).orElse("");
        return switch (http.meaning()) {
            case REQUEST -> "the provider rejected the request (HTTP " + http.statusCode() + says + ")";
            case QUOTA ->
                "the provider's quota is used up (HTTP " + http.statusCode() + says
                        + "); not retried, and the LLM is paused";
            case RATE_LIMITED, SERVER -> "the provider answered HTTP " + http.statusCode() + says;
        };
    }

    /** A short label for the trace of one failed call. */
    static String label(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return "HTTP " + http.statusCode();
            }
            if (t instanceof AnswerDeadlines.Missed missed) {
                return missed.firstByte() ? "no first token" : "answer too slow";
            }
            if (t instanceof ProviderMisconfigured) {
                return "misconfigured";
            }
        }
        return e.getClass().getSimpleName();
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
