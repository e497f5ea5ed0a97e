package dev.storefront.domain.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable storage for idempotency records. Every method is a single conditional write or read, so
 * concurrent requests with one key can never both start.
 */
public interface IdempotencyStore {

    /**
     * Claims the key for a new request unless a live record holds it.
     *
     * @param record the in-progress record to write
     * @param now the current time: records whose retention or in-flight lock has lapsed count as absent
     * @return empty when the claim succeeded, else the record that holds the key
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant now);

    /** Stores the final response of a claimed key; only the holder of the claim may complete it. */
    void complete(String key, String requestHash, StoredResponse response, Instant expiresAt);

    /** Gives a claimed key back (the request failed in a way the client may retry). */
    void release(String key, String requestHash);
}
