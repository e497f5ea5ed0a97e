package dev.storefront.platform.http;

import dev.storefront.domain.auth.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic API Gateway request that primes an HTTP function before its SnapStart snapshot: it goes through
 * the function's real entry point (event parsing, routing, access check, the route, error mapping, response
 * writing). It must only read keys that cannot exist ({@link dev.storefront.domain.ReservedKeys}), so that it
 * reads nobody's data and writes nothing durable.
 *
 * <p>A request {@link #as(Principal) as a caller} skips the access check and idempotency (this function cannot
 * mint a token); everything after them runs as for a real request. Only the handler's priming can do that.
 *
 * @param routeKey       e.g. {@code GET /products/{productId}}
 * @param pathParameters values of the route's path parameters
 * @param query          query string parameters
 * @param headers        headers (lower-case names)
 * @param body           the body, or null
 * @param caller         the caller to run the route as, or null for the access check with the headers given
 * @param expectedStatus what the request must answer
 */
public record PrimingRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> query,
        Map<String, String> headers, String body, Principal caller, int expectedStatus) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    public PrimingRequest {
        Objects.requireNonNull(routeKey, "routeKey");
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A request of the route (every path parameter still to be given), expecting 200. */
    public static PrimingRequest route(String routeKey) {
        return new PrimingRequest(routeKey, Map.of(), Map.of(), Map.of(), null, null, 200);
    }

    public PrimingRequest pathParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(pathParameters);
        copy.put(name, value);
        return new PrimingRequest(routeKey, copy, query, headers, body, caller, expectedStatus);
    }

    public PrimingRequest query(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new PrimingRequest(routeKey, pathParameters, copy, headers, body, caller, expectedStatus);
    }

    public PrimingRequest header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new PrimingRequest(routeKey, pathParameters, query, copy, body, caller, expectedStatus);
    }

    /** A JSON body (with its content type). */
    public PrimingRequest jsonBody(String json) {
        return new PrimingRequest(routeKey, pathParameters, query, headers, json, caller, expectedStatus)
                .header("content-type", "application/json");
    }

    /** Runs the route as this caller, without access check or idempotency. */
    public PrimingRequest as(Principal principal) {
        return new PrimingRequest(routeKey, pathParameters, query, headers, body, principal, expectedStatus);
    }

    public PrimingRequest expect(int status) {
        return new PrimingRequest(routeKey, pathParameters, query, headers, body, caller, status);
    }

    /** The HTTP method of the route key. */
    public String method() {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** The path: the route key's path with its parameters filled in. */
    public String path() {
        Matcher matcher = PARAMETER.matcher(routeKey.substring(routeKey.indexOf(' ') + 1));
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = pathParameters.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(routeKey + ": no value for path parameter " + matcher.group(1));
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The API Gateway HTTP API (payload 2.0) event of this request. */
    Map<String, Object> event(int sequence) {
        String requestId = "snapstart-priming-" + sequence;
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method());
        http.put("path", path());
        http.put("sourceIp", "127.0.0.1");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path());
        event.put("rawQueryString", rawQuery.toString());
        event.put("headers", headers);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** Only the route and the expectation: no ids, headers or bodies in logs. */
    @Override
    public String toString() {
        return routeKey + (caller == null ? "" : " (as caller)") + " expecting " + expectedStatus;
    }
}
