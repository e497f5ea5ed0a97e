package dev.storefront.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response on its way back to API Gateway: status, headers and a UTF-8 body. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, Map.of("Content-Type", JSON), Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serializable: " + value.getClass().getName(), e);
        }
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse created(Object value) {
        return json(201, value);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    /** A copy with one more header (replacing a header of the same name, compared case-insensitively). */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((key, existing) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, existing);
            }
        });
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    public String header(String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
