package dev.storefront.platform.idempotency;

import dev.storefront.domain.idempotency.IdempotencyRecord;
import dev.storefront.domain.idempotency.IdempotencyStore;
import dev.storefront.domain.idempotency.StoredResponse;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.HttpException;
import dev.storefront.platform.http.Idempotency;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's {@code Idempotency-Key} semantics: the first request with a key runs and its
 * response is kept for 24 hours per caller; the same key with the same request replays that response
 * with {@code Idempotent-Replayed: true}; a different request gets 422; a request while the first is
 * still running gets 409. Server errors and rate limits are not kept, so the client can retry them.
 */
public final class IdempotencyGuard {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final Duration RETENTION = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyGuard.class);
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(5);
    private static final String[] REPLAYED_HEADERS = {"Content-Type", "Location", "ETag", "Cache-Control"};

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotencyGuard(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Runs {@code action} under the request's idempotency key, if it has one.
     *
     * @param remaining how long the invocation may still run: an unfinished claim lapses after it
     * @param action the route, with its failures already mapped to responses
     */
    public ApiResponse execute(ApiRequest request, Idempotency mode, Duration remaining, Supplier<ApiResponse> action) {
        if (mode == Idempotency.IGNORED) {
            return action.get();
        }
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty()) {
            if (mode == Idempotency.REQUIRED) {
                throw HttpException.badRequest("idempotency-key-required",
                        "This operation requires an Idempotency-Key header.", java.util.List.of());
            }
            return action.get();
        }
        String clientKey = header.get();
        if (!validKey(clientKey)) {
            throw HttpException.badRequest("invalid-idempotency-key",
                    "The Idempotency-Key header must be 1 to 255 printable ASCII characters.", java.util.List.of());
        }
        String caller = request.principal() == null ? "anonymous" : request.principal().userId();
        String key = sha256(caller + '\n' + request.routeKey() + '\n' + clientKey);
        String requestHash = requestHash(request);
        Instant now = clock.instant();
        IdempotencyRecord claim = new IdempotencyRecord(key, requestHash, null,
                now.plus(remaining).plus(LOCK_MARGIN), now.plus(RETENTION));
        Optional<IdempotencyRecord> holder = store.claim(claim, now);
        if (holder.isPresent()) {
            return answerFor(holder.get(), requestHash);
        }
        ApiResponse response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            release(key, requestHash);
            throw e;
        }
        if (response.status() >= 500 || response.status() == 429) {
            release(key, requestHash);
            return response;
        }
        try {
            store.complete(key, requestHash, toStored(response), now.plus(RETENTION));
        } catch (RuntimeException e) {
            LOG.warn("could not store the idempotent response; the claim lapses with the invocation", e);
        }
        return response;
    }

    private ApiResponse answerFor(IdempotencyRecord existing, String requestHash) {
        if (!existing.requestHash().equals(requestHash)) {
            throw new HttpException(422, "idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request.");
        }
        if (existing.inProgress()) {
            throw new HttpException(409, "idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed. Retry shortly.",
                    java.util.List.of(), Map.of("Retry-After", "1"));
        }
        StoredResponse stored = existing.response();
        return new ApiResponse(stored.status(), stored.headers(), stored.body()).withHeader(REPLAYED_HEADER, "true");
    }

    private void release(String key, String requestHash) {
        try {
            store.release(key, requestHash);
        } catch (RuntimeException e) {
            LOG.warn("could not release an idempotency claim; it lapses with the invocation", e);
        }
    }

    private static StoredResponse toStored(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.status(), headers, response.body());
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String requestHash(ApiRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method() + '\n' + request.path() + '\n' + request.rawQuery() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
