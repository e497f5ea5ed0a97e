package dev.storefront.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-process HTTP server on loopback that answers like Stripe with canned JSON, one queued answer per request,
 * and records every request it received.
 */
final class FakeStripe implements AutoCloseable {

    /** A request as received: the form body decoded, header names as sent. */
    record Request(String method, String path, Map<String, String> headers, Map<String, String> form) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body, CountDownLatch holdUntil) {
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request is answered with {@code status} and {@code json}. */
    synchronized FakeStripe answer(int status, String json) {
        answers.add(new Answer(status, json, null));
        return this;
    }

    /** The next request is answered only once {@code release} counts down (or after 30 s). */
    synchronized FakeStripe answerAfter(CountDownLatch release, int status, String json) {
        answers.add(new Answer(status, json, release));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    decode(body)));
            Answer answer;
            synchronized (this) {
                answer = answers.poll();
            }
            if (answer == null) {
                answer = new Answer(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"no answer queued\"}}", null);
            }
            if (answer.holdUntil() != null) {
                try {
                    answer.holdUntil().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_fake" + requests.size());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            String previous = form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            if (previous != null) {
                throw new AssertionError("form field sent twice: " + kv[0]);
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
