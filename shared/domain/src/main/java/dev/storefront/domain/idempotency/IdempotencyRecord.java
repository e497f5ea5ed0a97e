package dev.storefront.domain.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * What is stored under one idempotency key.
 *
 * @param key the scoped key (caller, route and client key)
 * @param requestHash digest of the request that claimed the key
 * @param response the final response, or {@code null} while the first request is still running
 * @param lockExpiresAt when an unfinished claim lapses (the request's time limit)
 * @param expiresAt when the record is forgotten (24 h retention)
 */
public record IdempotencyRecord(
        String key, String requestHash, StoredResponse response, Instant lockExpiresAt, Instant expiresAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(lockExpiresAt, "lockExpiresAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean inProgress() {
        return response == null;
    }
}
