package dev.storefront.domain.idempotency;

import java.util.Map;

/** A response kept for replay: status, the headers worth replaying, and the body text. */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
    }
}
