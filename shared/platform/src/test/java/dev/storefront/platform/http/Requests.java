package dev.storefront.platform.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link ApiRequest}s for tests. */
final class Requests {

    private Requests() {
    }

    static ApiRequest post(String path, String json) {
        return post(path, json, Map.of("content-type", "application/json"));
    }

    static ApiRequest post(String path, String json, Map<String, String> headers) {
        return new ApiRequest("POST", "POST " + path, path, "", headers, Map.of(), Map.of(),
                json.getBytes(StandardCharsets.UTF_8), "req-1", null);
    }

    static ApiRequest get(String path, Map<String, String> headers) {
        return new ApiRequest("GET", "GET " + path, path, "", headers, Map.of(), Map.of(), new byte[0], "req-1", null);
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
