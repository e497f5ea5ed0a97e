package dev.storefront.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local API Gateway: an HTTP server on 127.0.0.1 that matches routes like an HTTP API, builds payload
 * format 2.0 events, invokes the functions and maps their responses. Bodies over 10 MB get 413, function
 * errors and timeouts 500, as API Gateway does.
 */
public final class LocalGateway implements AutoCloseable {

    /** HTTP API's payload limit. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final FunctionRuntime runtime;
    private final ObjectMapper mapper;
    private final HttpApiEvents events;
    private final LocalApiDocs docs;

    private LocalGateway(HttpServer server, ExecutorService executor, RouteTable routes, FunctionRuntime runtime,
                         ObjectMapper mapper, HttpApiEvents events, LocalApiDocs docs) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.runtime = runtime;
        this.mapper = mapper;
        this.events = events;
        this.docs = docs;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for a free port
     */
    public static LocalGateway start(int port, RouteTable routes, FunctionRuntime runtime, ObjectMapper mapper,
                                     String accountId) {
        return start(port, routes, runtime, mapper, accountId, null);
    }

    /**
     * Starts serving, with the API document's routes ({@code GET /openapi.json}, {@code GET /docs}) before the
     * template's.
     *
     * @param port 0 for a free port
     * @param docs the API document to serve, or null for none
     */
    public static LocalGateway start(int port, RouteTable routes, FunctionRuntime runtime, ObjectMapper mapper,
                                     String accountId, LocalApiDocs docs) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread thread = new Thread(r, "gateway-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
            server.setExecutor(executor);
            LocalGateway gateway = new LocalGateway(server, executor, routes, runtime, mapper,
                    new HttpApiEvents(mapper, accountId, "local"), docs);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = HttpApiEvents.newRequestId();
        try (exchange) {
            HttpApiResponse response = respond(exchange, requestId);
            send(exchange, response, requestId);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Request " + requestId + " failed in the gateway", e);
        }
    }

    private HttpApiResponse respond(HttpExchange exchange, String requestId) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // Read the rest so the client sees the 413 rather than a connection reset.
                in.transferTo(OutputStream.nullOutputStream());
                return HttpApiResponse.message(413, "Request Entity Too Large");
            }
        }
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (docs != null) {
            Optional<HttpApiResponse> local = docs.respond(exchange.getRequestMethod(), rawPath, baseUrl());
            if (local.isPresent()) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
                return local.get();
            }
        }
        Optional<RouteTable.Match> match = routes.match(exchange.getRequestMethod(), rawPath);
        if (match.isEmpty()) {
            return HttpApiResponse.message(404, "Not Found");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        HttpRequestData request = new HttpRequestData(exchange.getRequestMethod(), rawPath,
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        String function = match.get().route().function();
        byte[] payload = mapper.writeValueAsBytes(events.build(request, match.get(), requestId, Instant.now()));
        try {
            // Lambda's awsRequestId is its own UUID, distinct from API Gateway's request id.
            byte[] output = runtime.invoke(function, payload, UUID.randomUUID().toString());
            return HttpApiResponse.fromLambdaOutput(mapper, output);
        } catch (FunctionException e) {
            String failure = exchange.getRequestMethod() + " " + rawPath + " -> " + function + ": " + e.getMessage();
            if (e.getCause() != null && !e.isTimeout()) {
                // The function's own failure, with its stack trace: what Lambda would write to the function's logs.
                LOG.log(System.Logger.Level.ERROR, failure, e.getCause());
            } else {
                LOG.log(System.Logger.Level.ERROR, failure);
            }
            return HttpApiResponse.internalServerError();
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "{0} returned an invalid response: {1}", function, e.getMessage());
            return HttpApiResponse.internalServerError();
        }
    }

    private static void send(HttpExchange exchange, HttpApiResponse response, String requestId) throws IOException {
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
