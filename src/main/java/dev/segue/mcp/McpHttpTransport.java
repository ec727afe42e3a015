package dev.segue.mcp;

import dev.segue.api.RequestGuard;
import dev.segue.config.SegueConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP's Streamable HTTP transport at /mcp, on the service's own Vert.x router: POST carries a message (initialize
 * opens a session, named by the Mcp-Session-Id header from then on; a request is answered as an event stream that
 * also carries its progress), GET opens the session's listening stream, DELETE ends the session. The SDK's sessions
 * do the protocol; this class only moves its messages over HTTP. The caller's API key (Authorization: Bearer, or
 * X-API-Key) and address go with each message to the tools. Browsers may call it only from the origins the API allows
 * and localhost, so a web page elsewhere cannot reach a local Segue through its visitor (DNS rebinding).
 */
@ApplicationScoped
public class McpHttpTransport implements McpStreamableServerTransportProvider {

    static final String PATH = "/mcp";
    /** As the API limits its bodies: a tool call is a few hundred bytes. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final long KEEP_ALIVE_MS = 15_000;
    private static final int INVALID_REQUEST = -32600;
    private static final int PARSE_ERROR = -32700;
    private static final String CANCELLED = "notifications/cancelled";

    private final McpSessions sessions = new McpSessions();
    private final SegueMcp mcp;
    private final Cancellations cancellations;
    private final ServerTransportSecurityValidator origins;
    private final Vertx vertx;
    private volatile McpStreamableServerSession.Factory factory;
    private McpSyncServer server;

    McpHttpTransport(SegueMcp mcp, Cancellations cancellations, SegueConfig config, Vertx vertx) {
        this.mcp = mcp;
        this.cancellations = cancellations;
        this.vertx = vertx;
        List<String> allowed = new ArrayList<>(List.of("http://localhost:*", "http://127.0.0.1:*"));
        Arrays.stream(config.cors().origins().split(","))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .forEach(allowed::add);
        this.origins = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(allowed)
                .build();
    }

    /** Serves /mcp before the REST endpoints see it. */
    void route(@Observes Router router) {
        server = mcp.serve(this);
        vertx.setPeriodic(McpSessions.IDLE.toMillis() / 4, tick -> sessions.sweep());
        router.route(PATH)
                .order(-1)
                .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::handle);
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.closeGracefully();
        }
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        this.factory = factory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.all())
                .flatMap(session -> session.sendNotification(method, params))
                .then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Flux.fromIterable(sessions.all())
                .flatMap(McpStreamableServerSession::closeGracefully)
                .then(Mono.fromRunnable(sessions::clear));
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        try {
            Map<String, List<String>> headers = new ConcurrentHashMap<>();
            request.headers()
                    .names()
                    .forEach(name -> headers.put(name, request.headers().getAll(name)));
            origins.validateHeaders(headers);
        } catch (ServerTransportSecurityException e) {
            error(ctx, e.getStatusCode(), INVALID_REQUEST, e.getMessage());
            return;
        }
        McpTransportContext caller = caller(request, null);
        switch (request.method().name()) {
            case "POST" -> post(ctx, caller);
            case "GET" -> listen(ctx, caller);
            case "DELETE" -> delete(ctx, caller);
            default -> error(ctx, 405, INVALID_REQUEST, "use POST, GET or DELETE on " + PATH);
        }
    }

    private void post(RoutingContext ctx, McpTransportContext caller) {
        String accept = String.valueOf(ctx.request().getHeader("Accept"));
        if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
            error(ctx, 400, INVALID_REQUEST, "the Accept header must list application/json and text/event-stream");
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(
                    SegueMcp.PROTOCOL_JSON, ctx.body().asString());
        } catch (IOException | IllegalArgumentException e) {
            error(ctx, 400, PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage());
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request
                && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(ctx, request);
            return;
        }
        McpStreamableServerSession session = session(ctx);
        if (session == null) {
            return;
        }
        switch (message) {
            case McpSchema.JSONRPCRequest request -> answer(ctx, session, request);
            case McpSchema.JSONRPCNotification cancel
            when CANCELLED.equals(cancel.method()) -> {
                cancellations.cancel(session.getId(), requestIdOf(cancel));
                ctx.response().setStatusCode(202).end();
            }
            case McpSchema.JSONRPCNotification notification ->
                accepted(ctx, session.accept(notification).contextWrite(c -> c.put(McpTransportContext.KEY, caller)));
            case McpSchema.JSONRPCResponse response ->
                accepted(ctx, session.accept(response).contextWrite(c -> c.put(McpTransportContext.KEY, caller)));
            default -> error(ctx, 400, INVALID_REQUEST, "unknown message type");
        }
    }

    /** A request: its answer, and what is sent while it runs (progress), as an event stream. */
    private void answer(RoutingContext ctx, McpStreamableServerSession session, McpSchema.JSONRPCRequest request) {
        SseStream stream = new SseStream(ctx.response(), SegueMcp.PROTOCOL_JSON, session.getId());
        cancellations.started(session.getId(), request.id(), stream::close);
        Runnable finished = () -> {
            cancellations.finished(session.getId(), request.id());
            stream.close();
        };
        McpTransportContext caller = caller(ctx.request(), request.id());
        session.responseStream(request, stream)
                .contextWrite(c -> c.put(McpTransportContext.KEY, caller))
                .subscribe(null, failure -> finished.run(), finished);
    }

    private static Object requestIdOf(McpSchema.JSONRPCNotification cancel) {
        return cancel.params() instanceof Map<?, ?> params ? params.get("requestId") : null;
    }

    private static McpTransportContext caller(HttpServerRequest request, Object requestId) {
        String key = RequestGuard.presentedKey(request.getHeader("X-API-Key"), request.getHeader("Authorization"));
        String address =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return Caller.overHttp(key, address, requestId);
    }

    private void initialize(RoutingContext ctx, McpSchema.JSONRPCRequest request) {
        McpSchema.InitializeRequest params =
                SegueMcp.PROTOCOL_JSON.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(params);
        String id = started.session().getId();
        sessions.add(started.session());
        started.initResult()
                .subscribe(
                        result -> {
                            ctx.response().putHeader(HttpHeaders.MCP_SESSION_ID, id);
                            json(ctx, 200, McpSchema.JSONRPCResponse.result(request.id(), result));
                        },
                        failure -> error(ctx, 500, INVALID_REQUEST, "could not initialize: " + failure.getMessage()));
    }

    /** GET: the session's own stream, for what the server sends outside any request. */
    private void listen(RoutingContext ctx, McpTransportContext caller) {
        if (!String.valueOf(ctx.request().getHeader("Accept")).contains("text/event-stream")) {
            error(ctx, 405, INVALID_REQUEST, "GET on " + PATH + " opens an event stream (Accept: text/event-stream)");
            return;
        }
        McpStreamableServerSession session = session(ctx);
        if (session == null) {
            return;
        }
        SseStream stream = new SseStream(ctx.response(), SegueMcp.PROTOCOL_JSON, session.getId());
        McpStreamableServerSession.McpStreamableServerSessionStream listening = session.listeningStream(stream);
        long timer = vertx.setPeriodic(KEEP_ALIVE_MS, tick -> stream.keepAlive());
        ctx.response().closeHandler(closed -> {
            vertx.cancelTimer(timer);
            listening.close();
        });
        stream.keepAlive(); // sends the headers now: the client knows the stream is open
    }

    private void delete(RoutingContext ctx, McpTransportContext caller) {
        McpStreamableServerSession session = session(ctx);
        if (session == null) {
            return;
        }
        session.delete()
                .contextWrite(c -> c.put(McpTransportContext.KEY, caller))
                .subscribe(null, failure -> error(ctx, 500, INVALID_REQUEST, failure.getMessage()), () -> {
                    sessions.remove(session.getId());
                    ctx.response().setStatusCode(200).end();
                });
    }

    /** The session the request names; null (and the answer sent) when it names none or an unknown one. */
    private McpStreamableServerSession session(RoutingContext ctx) {
        String id = ctx.request().getHeader(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            error(ctx, 400, INVALID_REQUEST, "Mcp-Session-Id is required: initialize first");
            return null;
        }
        McpStreamableServerSession session = sessions.use(id);
        if (session == null) {
            error(ctx, 404, INVALID_REQUEST, "no MCP session " + id + " (it ended): initialize again");
        }
        return session;
    }

    private static void accepted(RoutingContext ctx, Mono<Void> handled) {
        handled.subscribe(
                null,
                failure -> error(ctx, 500, INVALID_REQUEST, failure.getMessage()),
                () -> ctx.response().setStatusCode(202).end());
    }

    private static void error(RoutingContext ctx, int status, int code, String message) {
        json(ctx, status, Map.of("jsonrpc", "2.0", "error", Map.of("code", code, "message", String.valueOf(message))));
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(SegueMcp.PROTOCOL_JSON.writeValueAsString(body));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }
}
