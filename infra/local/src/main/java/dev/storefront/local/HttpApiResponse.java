package dev.storefront.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as API Gateway derives it from a payload format 2.0 Lambda response: {@code statusCode},
 * {@code headers}, {@code multiValueHeaders}, {@code cookies} (as {@code Set-Cookie}), {@code body} and
 * {@code isBase64Encoded}; a valid JSON response without {@code statusCode} is a 200 JSON body.
 */
public record HttpApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

    /** A JSON error as API Gateway sends it, e.g. {@code {"message":"Not Found"}}. */
    public static HttpApiResponse message(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        String body = status == 500 ? INTERNAL_ERROR : "{\"message\":\"" + message + "\"}";
        return new HttpApiResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The 500 API Gateway answers when the integration fails. */
    public static HttpApiResponse internalServerError() {
        return message(500, "Internal Server Error");
    }

    /**
     * Maps a function's raw output.
     *
     * @throws IllegalArgumentException when the output is not a valid response (API Gateway answers 500 then)
     */
    public static HttpApiResponse fromLambdaOutput(ObjectMapper mapper, byte[] output) {
        JsonNode node;
        try {
            node = mapper.readTree(output);
        } catch (IOException e) {
            throw new IllegalArgumentException("Function output is not JSON", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("Function output is empty");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (!node.isObject() || !node.has("statusCode")) {
            headers.put("Content-Type", List.of("application/json"));
            String body = node.isTextual() ? node.textValue() : node.toString();
            return new HttpApiResponse(200, headers, body.getBytes(StandardCharsets.UTF_8));
        }
        int status = node.get("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Invalid statusCode " + node.get("statusCode"));
        }
        JsonNode multi = node.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            multi.properties().forEach(e -> {
                List<String> values = headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                e.getValue().forEach(v -> values.add(v.asText()));
            });
        }
        JsonNode single = node.get("headers");
        if (single != null && single.isObject()) {
            single.properties().forEach(e -> headers.put(e.getKey(), new ArrayList<>(List.of(e.getValue().asText()))));
        }
        JsonNode cookies = node.get("cookies");
        if (cookies != null && cookies.isArray() && !cookies.isEmpty()) {
            List<String> setCookie = headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>());
            cookies.forEach(c -> setCookie.add(c.asText()));
        }
        byte[] body = new byte[0];
        JsonNode bodyNode = node.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isTextual() ? bodyNode.textValue() : bodyNode.toString();
            boolean base64 = node.path("isBase64Encoded").asBoolean(false);
            body = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpApiResponse(status, headers, body);
    }
}
