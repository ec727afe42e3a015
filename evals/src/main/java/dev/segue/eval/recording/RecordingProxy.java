package dev.segue.eval.recording;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between Segue and its provider during {@code --record}: forwards each request as it came (credentials
 * included, since the provider needs them), relays the answer as it arrives (a streamed answer stays a stream, so
 * Segue's own deadlines see the provider's timing), and keeps a copy of both without credentials. Knows nothing of
 * the API spoken: any method, path and body.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final int CHUNK = 8192;

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client;
    private final URI provider;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final List<Exchange> exchanges = new ArrayList<>();

    private RecordingProxy(HttpServer server, ExecutorService threads, URI provider) {
        this.server = server;
        this.threads = threads;
        this.provider = provider;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code providerBaseUrl}: the provider as Segue would have called it, e.g. https://api.openai.com/v1. */
    public static RecordingProxy start(String providerBaseUrl) throws IOException {
        URI provider = URI.create(providerBaseUrl);
        if (provider.getScheme() == null || provider.getHost() == null) {
            throw new IOException("not an http(s) base URL: " + providerBaseUrl);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        RecordingProxy proxy = new RecordingProxy(server, threads, provider);
        server.createContext("/", proxy::forward);
        server.start();
        return proxy;
    }

    /** The base URL to give Segue instead of the provider's: this proxy, with the provider's base path. */
    public String baseUrl() {
        String path = provider.getRawPath() == null ? "" : provider.getRawPath();
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The exchanges so far, in the order their requests arrived. */
    public synchronized List<Exchange> exchanges() {
        return exchanges.stream().sorted(Comparator.comparingInt(Exchange::seq)).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        int seq = arrivals.incrementAndGet();
        try (exchange) {
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            Secrets secrets = new Secrets().learnHeaders(headers);
            URI asked = exchange.getRequestURI();
            byte[] sent = exchange.getRequestBody().readAllBytes();
            String path = secrets.path(asked.getRawPath(), asked.getRawQuery());
            Exchange.Request request = Exchange.Request.of(
                    exchange.getRequestMethod(), path, secrets.recordable(headers), Body.of(sent, secrets));
            // Kept before the exchange closes: Segue has not seen the end of the answer until then, so a run that
            // is over finds every exchange it made in the recording.
            try {
                keep(seq, request, relay(exchange, upstream(exchange, asked, headers, sent), secrets));
            } catch (IOException e) {
                unreachable(exchange, seq, request, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unreachable(exchange, seq, request, new IOException("interrupted"));
            }
        }
    }

    private synchronized void keep(int seq, Exchange.Request request, Exchange.Response response) {
        exchanges.add(new Exchange(seq, request, response));
    }

    private HttpResponse<InputStream> upstream(
            HttpExchange exchange, URI asked, Map<String, List<String>> headers, byte[] body)
            throws IOException, InterruptedException {
        String query = asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery();
        URI target = URI.create(provider.getScheme() + "://" + provider.getRawAuthority() + asked.getRawPath() + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!Secrets.isTransport(name)) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Sends the provider's answer on as it comes, chunk by chunk, and returns all of it for the recording, also when
     * Segue stopped listening half way (its deadline passed): the provider's side is what a replay must give back.
     */
    private static Exchange.Response relay(HttpExchange exchange, HttpResponse<InputStream> answer, Secrets secrets)
            throws IOException {
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !Secrets.isTransport(name)) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        boolean empty = answer.statusCode() == 204 || answer.statusCode() == 304;
        exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : 0);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream out = exchange.getResponseBody();
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copy.write(buffer, 0, n);
                out = passOn(out, buffer, n);
            }
        }
        return Exchange.Response.of(
                answer.statusCode(), secrets.recordable(answer.headers().map()), Body.of(copy.toByteArray(), secrets));
    }

    /** Writes a chunk to Segue; null once Segue has hung up (the rest is still read from the provider). */
    private static OutputStream passOn(OutputStream out, byte[] buffer, int n) {
        if (out == null) {
            return null;
        }
        try {
            out.write(buffer, 0, n);
            out.flush();
            return out;
        } catch (IOException hungUp) {
            return null;
        }
    }

    /** A provider that cannot be reached is a 502 here, recorded as such (a replay cannot refuse a connection). */
    private void unreachable(HttpExchange exchange, int seq, Exchange.Request request, IOException e)
            throws IOException {
        String why = "segue recording proxy: the provider could not be reached: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String type = "text/plain; charset=utf-8";
        keep(seq, request, Exchange.Response.of(502, Map.of("content-type", type), new Body(null, why, null)));
        byte[] body = why.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(502, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
