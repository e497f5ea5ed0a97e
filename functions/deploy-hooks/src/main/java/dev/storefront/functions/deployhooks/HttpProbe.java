package dev.storefront.functions.deployhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request to an API function as API Gateway delivers it (HTTP API, payload format 2.0) and the response it must
 * get: status, content type, the request id echoed in {@code X-Request-Id}, and a check of the JSON body. Problem
 * answers must also carry the status and the request id in the body, and a 401 the {@code Bearer} challenge.
 */
public record HttpProbe(String method, String routePath, Map<String, String> pathParameters,
                        Map<String, String> query, int expectedStatus, String contentType, ResultCheck body)
        implements Probe {

    static final String JSON_TYPE = "application/json";
    static final String PROBLEM_TYPE = "application/problem+json";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    public HttpProbe {
        pathParameters = Map.copyOf(pathParameters);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A read that must answer 200 with an {@code application/json} body that passes {@code body}. */
    public static HttpProbe ok(String routePath, Map<String, String> pathParameters, Map<String, String> query,
                               ResultCheck body) {
        return ok(routePath, pathParameters, query, JSON_TYPE, body);
    }

    /** A read that must answer 200 with a JSON body of the given media type that passes {@code body}. */
    public static HttpProbe ok(String routePath, Map<String, String> pathParameters, Map<String, String> query,
                               String contentType, ResultCheck body) {
        return new HttpProbe("GET", routePath, pathParameters, query, 200, contentType, body);
    }

    /** A read of a shopper's data without a token: must be refused with 401 before anything is read. */
    public static HttpProbe unauthenticated(String routePath, Map<String, String> pathParameters) {
        return new HttpProbe("GET", routePath, pathParameters, Map.of(), 401, PROBLEM_TYPE, ResultCheck.ANY_OBJECT);
    }

    /** A read of something that does not exist: must be 404 problem+json. */
    public static HttpProbe notFound(String routePath, Map<String, String> pathParameters) {
        return new HttpProbe("GET", routePath, pathParameters, Map.of(), 404, PROBLEM_TYPE, ResultCheck.ANY_OBJECT);
    }

    /** The route as the template declares it, e.g. {@code GET /products/{productId}}. */
    public String routeKey() {
        return method + " " + routePath;
    }

    /** The request's path with the path parameters filled in. */
    public String rawPath() {
        String path = routePath;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        return path;
    }

    String rawQueryString() {
        return query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String description() {
        String queryString = rawQueryString();
        return method + " " + rawPath() + (queryString.isEmpty() ? "" : "?" + queryString) + " -> " + expectedStatus;
    }

    @Override
    public String event(String requestId, Instant now) {
        ObjectNode event = Results.JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey());
        event.put("rawPath", rawPath());
        event.put("rawQueryString", rawQueryString());
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "application/json");
        headers.put("host", "pre-traffic.invalid");
        headers.put("user-agent", "storefront-pre-traffic-hook");
        headers.put("x-forwarded-proto", "https");
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "pre-traffic");
        context.put("apiId", "pre-traffic");
        context.put("domainName", "pre-traffic.invalid");
        context.put("domainPrefix", "pre-traffic");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "storefront-pre-traffic-hook");
        context.put("requestId", requestId);
        context.put("routeKey", routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    @Override
    public Verdict judge(Invocation invocation, String requestId) {
        Results.Outcome outcome = Results.parse(invocation);
        if (!outcome.ok()) {
            return Verdict.failed(outcome.failure());
        }
        JsonNode response = outcome.result();
        String bodyText = body(response);
        int status = response.path("statusCode").asInt(-1);
        if (status != expectedStatus) {
            return Verdict.failed("answered " + status + " instead of " + expectedStatus + ": "
                    + Results.excerpt(bodyText));
        }
        String type = header(response, "content-type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith(contentType)) {
            return Verdict.failed("answered Content-Type \"" + type + "\" instead of " + contentType);
        }
        if (!requestId.equals(header(response, "x-request-id").orElse(null))) {
            return Verdict.failed("did not echo the request id in X-Request-Id");
        }
        if (expectedStatus == 401
                && !header(response, "www-authenticate").orElse("").startsWith("Bearer")) {
            return Verdict.failed("answered 401 without a Bearer challenge in WWW-Authenticate");
        }
        Optional<JsonNode> document = Results.json(bodyText);
        if (document.isEmpty() || !document.get().isObject()) {
            return Verdict.failed("the body is not a JSON object: " + Results.excerpt(bodyText));
        }
        if (contentType.equals(PROBLEM_TYPE)) {
            if (document.get().path("status").asInt(-1) != expectedStatus) {
                return Verdict.failed("the problem's status member is not " + expectedStatus);
            }
            if (!requestId.equals(document.get().path("requestId").asText(null))) {
                return Verdict.failed("the problem does not name the request id");
            }
        }
        return body.problem(document.get()).map(Verdict::failed)
                .orElseGet(() -> Verdict.succeeded(description()));
    }

    private static String body(JsonNode response) {
        String body = response.path("body").asText("");
        if (response.path("isBase64Encoded").asBoolean(false)) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return body;
            }
        }
        return body;
    }

    private static Optional<String> header(JsonNode response, String name) {
        for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue().asText());
            }
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
