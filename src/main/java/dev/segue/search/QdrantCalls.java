package dev.segue.search;

import com.google.common.util.concurrent.ListenableFuture;
import dev.segue.config.SegueConfig;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Every call to Qdrant runs under SmallRye Fault Tolerance: a deadline, retries with exponential backoff on UNAVAILABLE
 * / DEADLINE_EXCEEDED, and (for searches) a circuit breaker. This is the one place that builds the guards and turns
 * failures into {@link VectorStoreUnavailable} with a Retry-After, so a caller sees an answer or that, never a hang.
 */
final class QdrantCalls {

    private final SegueConfig.Qdrant settings;
    private final ManagedChannel channel;
    /** Searches and counts: the call timeout, and a circuit breaker so a dead server is not waited for each time. */
    private final Guard searchGuard;
    /** Collection admin, loads and reading every vector at start: the write timeout, no circuit breaker. */
    private final Guard writeGuard;

    QdrantCalls(SegueConfig.Qdrant settings, ManagedChannel channel) {
        this.settings = settings;
        this.channel = channel;
        this.searchGuard = guard("qdrant-search", settings.callTimeout(), true);
        this.writeGuard = guard("qdrant-write", settings.writeTimeout(), false);
    }

    private Guard guard(String name, Duration timeout, boolean circuitBreaker) {
        Guard.Builder b = Guard.create()
                .withDescription(name + ":" + settings.endpoint())
                .withTimeout()
                .duration(timeout.toMillis() + 250, ChronoUnit.MILLIS)
                .done() // the gRPC deadline fires first
                .withRetry()
                .maxRetries(settings.maxRetries())
                .whenException(QdrantCalls::isTransient)
                .delay(settings.retryBaseDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(Math.max(1, settings.retryBaseDelay().toMillis() / 2), ChronoUnit.MILLIS)
                .withExponentialBackoff()
                .maxDelay(
                        Math.max(
                                settings.retryMaxDelay().toMillis(),
                                settings.retryBaseDelay().toMillis() + 1),
                        ChronoUnit.MILLIS)
                .done()
                // gRPC waits longer and longer before reconnecting to a refused address; our backoff decides instead.
                .beforeRetry(channel::resetConnectBackoff)
                .done();
        if (circuitBreaker) {
            // Only connection-level failures count: a missing collection is not a reason to stop calling.
            b.withCircuitBreaker()
                    .when(QdrantCalls::isTransient)
                    .onStateChange(state -> channel.resetConnectBackoff())
                    .requestVolumeThreshold(settings.circuitBreakerVolume())
                    .failureRatio(0.5)
                    .delay(settings.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .done();
        }
        return b.build();
    }

    /** Failures worth another try: the server is unreachable, restarting or too slow. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            Status.Code code = Status.fromThrowable(t).getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                return true;
            }
        }
        return false;
    }

    /** A search or a count: answered within the call timeout, or refused at once while the circuit is open. */
    <T> T search(String what, Class<T> type, Callable<ListenableFuture<T>> request) {
        return guarded(what, () -> searchGuard.call(() -> await(request.call()), type));
    }

    <T> T search(String what, TypeLiteral<T> type, Callable<ListenableFuture<T>> request) {
        return guarded(what, () -> searchGuard.call(() -> await(request.call()), type));
    }

    /** Collection admin, a load's batches and page-by-page reads: within the write timeout. */
    <T> T write(String what, Class<T> type, Callable<ListenableFuture<T>> request) {
        return guarded(what, () -> writeGuard.call(() -> await(request.call()), type));
    }

    private <T> T guarded(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (CircuitBreakerOpenException e) {
            throw new VectorStoreUnavailable(
                    "Qdrant at " + settings.endpoint() + " failed repeatedly; calls are paused" + " for up to "
                            + settings.retryAfterSeconds() + " s",
                    settings.retryAfterSeconds(),
                    e);
        } catch (VectorStoreUnavailable e) {
            throw e;
        } catch (Exception e) {
            Thread.interrupted(); // a fault-tolerance timeout interrupts this thread; later work must not see it
            throw new VectorStoreUnavailable(describe(what, e), isTransient(e) ? settings.retryAfterSeconds() : 30, e);
        }
    }

    /** One call with no retries, for readiness probes; afterwards the channel reconnects at once if it failed. */
    <T> T once(Callable<ListenableFuture<T>> request) throws Exception {
        try {
            return await(request.call());
        } catch (Exception e) {
            Thread.interrupted();
            channel.resetConnectBackoff(); // the next probe connects at once when the server is back
            throw e;
        }
    }

    private static <T> T await(ListenableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** What went wrong, in the words an operator needs: which server, what it said, during which call. */
    String describe(String what, Throwable e) {
        Status status = Status.fromThrowable(e);
        String why = switch (status.getCode()) {
            case UNAVAILABLE -> "unreachable";
            case DEADLINE_EXCEEDED -> "no answer in time";
            case UNAUTHENTICATED, PERMISSION_DENIED -> "refused the API key (segue.qdrant.api-key)";
            case NOT_FOUND -> "has no collection " + settings.collection();
            case UNKNOWN ->
                e instanceof TimeoutException
                        ? "no answer in time"
                        : "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            default ->
                "answered " + status.getCode()
                        + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
        return "Qdrant at " + settings.endpoint() + " " + why + " (" + what + ")";
    }
}
