package dev.segue.search;

import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Qdrant stand-in for tests: the Collections and Points gRPC services of the official client's generated code,
 * served on a localhost port. It records every request and answers from an in-memory evaluation of what Qdrant
 * documents: cosine over normalized vectors (exact search), sparse dot products with the idf modifier, and filters
 * (must / should / must_not; match keyword, keywords, bool, integer; range; has_id). Ties keep load order. Anything
 * else is answered UNIMPLEMENTED, so the adapter cannot rely on a call the stand-in does not really evaluate.
 */
public final class FakeQdrant implements AutoCloseable {

    /** One stored point: its id, normalized dense vectors, sparse vectors, payload and load order. */
    record Point(
            String id,
            Map<String, float[]> dense,
            Map<String, Map<Integer, Float>> sparse,
            Map<String, Value> payload,
            long order) {}

    record Scored(Point point, float score) {}

    static final class Collection {
        final CreateCollection definition;
        final Map<String, Value> metadata = new LinkedHashMap<>();
        final Map<String, Point> points = new LinkedHashMap<>();
        final List<CreateFieldIndexCollection> indexes = new ArrayList<>();

        Collection(CreateCollection definition) {
            this.definition = definition;
            metadata.putAll(definition.getMetadataMap());
        }
    }

    private final Map<String, Collection> collections = new ConcurrentHashMap<>();
    private final List<Message> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger upsertsBeforeFailure = new AtomicInteger(-1);
    private final AtomicInteger failuresLeft = new AtomicInteger(0);
    private volatile Status failure;
    private volatile long delayMs;
    private long order;
    private Server server;
    private int port;

    public FakeQdrant() {
        start(0);
    }

    private void start(int onPort) {
        try {
            server = Grpc.newServerBuilderForPort(onPort, InsecureServerCredentials.create())
                    .addService(new FakeQdrantCollections(this))
                    .addService(new FakeQdrantPoints(this))
                    .build()
                    .start();
            port = server.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Qdrant on port " + onPort, e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops answering (connections are refused), keeping the data, as a stopped server with a volume would. */
    public void stop() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves again on the same port. */
    public void restart() {
        start(port);
    }

    @Override
    public void close() {
        stop();
    }

    // ---- test controls ---------------------------------------------------------------------------------------------

    /** Every call fails with this status until cleared with null. */
    public void failWith(Status status) {
        failuresLeft.set(0);
        this.failure = status;
    }

    /** The next n calls fail with this status, then calls succeed again. */
    public void failNext(int n, Status status) {
        this.failure = status;
        failuresLeft.set(n);
    }

    /** Every call waits this long before answering. */
    public void delay(long ms) {
        this.delayMs = ms;
    }

    /** Accept this many upserts, then answer UNAVAILABLE to the following ones (a server dying mid-load). */
    public void failUpsertsAfter(int upserts) {
        upsertsBeforeFailure.set(upserts);
    }

    public List<Message> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public <T extends Message> List<T> requests(Class<T> type) {
        return requests().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    Collection collection(String name) {
        return collections.get(name);
    }

    Map<String, Collection> collections() {
        return collections;
    }

    /** The load order of the next point stored. */
    long nextOrder() {
        return order++;
    }

    /** Points stored in a collection (0 when it does not exist). */
    public int points(String collection) {
        Collection c = collections.get(collection);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c.points.size();
        }
    }

    /** A collection created by someone else, e.g. with other vector settings. */
    public void create(CreateCollection definition) {
        collections.put(definition.getCollectionName(), new Collection(definition));
    }

    // ---- answering -------------------------------------------------------------------------------------------------

    /** Records the request; answers the injected failure or delay. False when the call has been answered already. */
    boolean admit(Message request, StreamObserver<?> observer) {
        requests.add(request);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Status fail = failure;
        if (fail != null && failuresLeft.get() > 0 && failuresLeft.decrementAndGet() == 0) {
            failure = null;
        }
        if (request instanceof UpsertPoints
                && upsertsBeforeFailure.get() >= 0
                && upsertsBeforeFailure.getAndDecrement() == 0) {
            upsertsBeforeFailure.set(0);
            fail = Status.UNAVAILABLE.withDescription("the fake server went away mid-load");
        }
        if (fail != null) {
            observer.onError(fail.asRuntimeException());
            return false;
        }
        return true;
    }

    Collection require(String name) {
        Collection c = collections.get(name);
        if (c == null) {
            throw Status.NOT_FOUND
                    .withDescription("Collection `" + name + "` doesn't exist!")
                    .asRuntimeException();
        }
        return c;
    }

    static <T> void answer(StreamObserver<T> observer, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }
}
