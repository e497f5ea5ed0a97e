package dev.storefront.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JSON client of the storefront's HTTP API on one base URL (loopback): java.net.http over HTTP/1.1, 5 s to
 * connect, 60 s per request, bearer tokens and idempotency keys as the API takes them.
 */
public final class JsonHttp implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final ExecutorService executor;
    private final HttpClient client;

    /** @param threads the client's own threads: at least as many as the callers sending at once */
    public JsonHttp(URI base, int threads) {
        this.base = base;
        this.executor = Executors.newFixedThreadPool(threads);
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .executor(executor).build();
    }

    public URI base() {
        return base;
    }

    /** @param authorization the {@code Authorization} header, or null; likewise {@code idempotencyKey} */
    public Response post(String path, Object body, String authorization, String idempotencyKey) {
        HttpRequest.Builder builder = request(path, authorization).header("Content-Type", "application/json");
        try {
            builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET().build());
    }

    HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A JSON object from name/value pairs; values become JSON as Jackson maps them (nested objects as they are). */
    public static ObjectNode object(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    /** A status and a body; -1 and the exception's text where the request itself failed. */
    public record Response(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** A top-level member as text ("" when absent). */
        public String field(String name) {
            return json().path(name).asText();
        }

        /** This response, if it has {@code status}; else an exception naming {@code what} and the answer. */
        public Response expect(int status, String what) {
            if (this.status != status) {
                throw new IllegalStateException(what + ": expected " + status + ", got " + this.status + " " + body);
            }
            return this;
        }
    }
}
