package dev.storefront.local;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, independent of the server implementation.
 *
 * @param method    e.g. {@code GET}
 * @param rawPath   path as sent, still percent-encoded
 * @param rawQuery  query string as sent without '?', or empty
 * @param headers   header values by name (any case), in arrival order
 * @param body      the body bytes (empty when none)
 * @param sourceIp  the client's address
 * @param protocol  e.g. {@code HTTP/1.1}
 */
public record HttpRequestData(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String sourceIp, String protocol) {
}
