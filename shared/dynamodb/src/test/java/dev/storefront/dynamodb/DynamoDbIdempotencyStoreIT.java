package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.idempotency.IdempotencyRecord;
import dev.storefront.domain.idempotency.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoDbIdempotencyStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final DynamoDbIdempotencyStore store =
            new DynamoDbIdempotencyStore(local.enhanced, local.table("IdempotencyTable"));

    @Test
    void claim_shouldSucceedOnce_thenReturnTheHolder() {
        IdempotencyRecord claim = claim("hash-a", NOW);

        assertThat(store.claim(claim, NOW)).isEmpty();
        Optional<IdempotencyRecord> holder = store.claim(claim("hash-b", NOW, claim.key()), NOW);

        assertThat(holder).get().satisfies(record -> {
            assertThat(record.requestHash()).isEqualTo("hash-a");
            assertThat(record.inProgress()).isTrue();
        });
    }

    @Test
    void complete_shouldKeepTheResponseForReplay() {
        IdempotencyRecord claim = claim("hash-a", NOW);
        store.claim(claim, NOW);

        store.complete(claim.key(), "hash-a", new StoredResponse(201, Map.of("Content-Type", "application/json"),
                "{\"id\":1}"), NOW.plus(Duration.ofHours(24)));

        IdempotencyRecord stored = store.claim(claim, NOW).orElseThrow();
        assertThat(stored.response()).isEqualTo(new StoredResponse(201, Map.of("Content-Type", "application/json"),
                "{\"id\":1}"));
    }

    @Test
    void release_shouldFreeTheKey() {
        IdempotencyRecord claim = claim("hash-a", NOW);
        store.claim(claim, NOW);

        store.release(claim.key(), "hash-a");

        assertThat(store.claim(claim, NOW)).isEmpty();
    }

    @Test
    void claim_shouldTakeOverALapsedLock_andAnExpiredRecord() {
        IdempotencyRecord stuck = claim("hash-a", NOW);
        store.claim(stuck, NOW);
        Instant afterLock = stuck.lockExpiresAt().plusSeconds(1);
        assertThat(store.claim(claim("hash-b", afterLock, stuck.key()), afterLock)).isEmpty();

        IdempotencyRecord done = claim("hash-c", NOW);
        store.claim(done, NOW);
        store.complete(done.key(), "hash-c", new StoredResponse(200, Map.of(), ""), NOW.plus(Duration.ofHours(24)));
        Instant nextDay = NOW.plus(Duration.ofHours(25));
        assertThat(store.claim(claim("hash-d", nextDay, done.key()), nextDay)).isEmpty();
    }

    @Test
    void claim_shouldAdmitExactlyOneOfManyConcurrentRequests() throws Exception {
        String key = UUID.randomUUID().toString();

        List<Object> results = Race.run(12, () -> store.claim(claim("hash-a", NOW, key), NOW));

        assertThat(results).filteredOn(Optional.empty()::equals).hasSize(1);
        assertThat(results).filteredOn(result -> result instanceof Optional<?> o && o.isPresent()).hasSize(11);
    }

    private static IdempotencyRecord claim(String hash, Instant now) {
        return claim(hash, now, UUID.randomUUID().toString());
    }

    private static IdempotencyRecord claim(String hash, Instant now, String key) {
        return new IdempotencyRecord(key, hash, null, now.plusSeconds(15), now.plus(Duration.ofHours(24)));
    }
}
