package dev.storefront.platform.http;

import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.error.AuthenticationException;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as API Gateway delivered it (payload format 2.0), decoded.
 *
 * @param routeKey the matched route, e.g. {@code POST /auth/signup}, or {@code $default}
 * @param headers header names in lower case
 * @param principal the authenticated caller, once the route's access rule has been checked
 */
public record ApiRequest(
        String method,
        String routeKey,
        String path,
        String rawQuery,
        Map<String, String> headers,
        Map<String, String> query,
        Map<String, String> pathParameters,
        byte[] body,
        String requestId,
        Principal principal) {

    public ApiRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        pathParameters = Map.copyOf(pathParameters);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    /** The authenticated caller; only routes that require authentication may ask. */
    public Principal caller() {
        if (principal == null) {
            throw new AuthenticationException("unauthorized", "Authentication is required.");
        }
        return principal;
    }

    /** Reads the JSON body into a request DTO, enforcing content type, size and strict JSON rules. */
    public <T> T bodyAs(Class<T> type) {
        return RequestBody.read(this, type);
    }

    public ApiRequest withPrincipal(Principal caller) {
        return new ApiRequest(method, routeKey, path, rawQuery, headers, query, pathParameters, body, requestId,
                caller);
    }
}
