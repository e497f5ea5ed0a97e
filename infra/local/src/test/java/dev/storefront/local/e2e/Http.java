package dev.storefront.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP and JSON for the end-to-end tests. Every response that passes through here is checked for what the
 * contract promises of all responses: an {@code X-Request-Id}, no 5xx (the tests only make client
 * mistakes) and no internals (stack traces, class names) in the body.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String APPLICATION_JSON = "application/json";

    /* Text that only leaks from exceptions; error bodies are also checked for package prefixes. */
    private static final List<String> LEAKS_ANYWHERE = List.of("Exception", "\tat ", " at dev.", " at java.");
    private static final List<String> LEAKS_IN_ERRORS = List.of("at dev.", "java.", "jakarta.", "dev.storefront.",
            "io.micronaut", "software.amazon", "com.fasterxml", "com.nimbusds", "redis.clients");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI baseUrl;

    Http(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request builder for a path of the gateway, with a generous timeout (cold starts). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    /** POSTs a JSON body with {@code Content-Type: application/json}. */
    Response post(String path, Object body, String... headers) {
        return send(jsonPost(path, body, headers));
    }

    /** A ready POST request with a JSON body; for concurrent sends. */
    HttpRequest jsonPost(String path, Object body, String... headers) {
        return withBody("POST", path, text(body), APPLICATION_JSON, headers).build();
    }

    /** PUTs a JSON body with {@code Content-Type: application/json}. */
    Response put(String path, Object body, String... headers) {
        return send(withBody("PUT", path, text(body), APPLICATION_JSON, headers).build());
    }

    Response get(String path, String... headers) {
        return send(with(request(path).GET(), headers).build());
    }

    Response delete(String path, String... headers) {
        return send(with(request(path).DELETE(), headers).build());
    }

    /**
     * A request with any body as it is, and a {@code Content-Type} unless it is null: for the bodies and types a
     * client should not send.
     */
    HttpRequest.Builder withBody(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder builder = request(path)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return with(builder, headers);
    }

    private static HttpRequest.Builder with(HttpRequest.Builder builder, String... headers) {
        return headers.length > 0 ? builder.headers(headers) : builder;
    }

    Response send(HttpRequest request) {
        try {
            return check(request, client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * POSTs over a plain socket, with header values as raw UTF-8 bytes: {@link HttpClient} replaces
     * non-ASCII header characters with {@code ?}, so it cannot send them.
     */
    Response postRaw(String path, String jsonBody, Map<String, String> headers) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(baseUrl.getHost()).append(':').append(baseUrl.getPort()).append("\r\n")
                .append("Content-Type: ").append(APPLICATION_JSON).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String[] response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2);
            String[] lines = response[0].split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":", 2);
                responseHeaders.computeIfAbsent(header[0].trim(), k -> new ArrayList<>()).add(header[1].trim());
            }
            HttpRequest described = request(path).POST(HttpRequest.BodyPublishers.noBody()).build();
            return check(described, new Response(status, HttpHeaders.of(responseHeaders, (n, v) -> true),
                    response.length > 1 ? response[1] : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    private static Response check(HttpRequest request, HttpResponse<String> raw) {
        return check(request, new Response(raw.statusCode(), raw.headers(), raw.body()));
    }

    private static Response check(HttpRequest request, Response response) {
        String what = request.method() + " " + request.uri().getRawPath() + " -> " + response.status() + " "
                + response.body();
        assertThat(response.status()).as("no 5xx for %s", what).isLessThan(500);
        assertThat(response.header("X-Request-Id")).as("X-Request-Id of %s", what).isPresent()
                .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(response.body()).as("body of %s", what).doesNotContain(LEAKS_ANYWHERE);
        if (response.status() >= 400) {
            assertThat(response.body()).as("error body of %s", what).doesNotContain(LEAKS_IN_ERRORS);
        }
        return response;
    }

    /** JSON text of a value; strings are sent as they are (raw JSON, or deliberately not JSON). */
    static String text(Object body) {
        if (body instanceof String raw) {
            return raw;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A query string ({@code ?a=1&b=2}, or nothing) from alternating names and values, the values URL-encoded. */
    static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(query.length() == 0 ? "?" : "&").append(namesAndValues[i]).append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A JSON object from alternating names and values (values may be null, numbers, nodes...). */
    static ObjectNode object(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    /** A received response. */
    record Response(int status, HttpHeaders headers, String body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String requestId() {
            return header("X-Request-Id").orElseThrow();
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** A text field of the JSON body. */
        String field(String name) {
            JsonNode value = json().get(name);
            assertThat(value).as("field %s of %s", name, body).isNotNull();
            return value.asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
