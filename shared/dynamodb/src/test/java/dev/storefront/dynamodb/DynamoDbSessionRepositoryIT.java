package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.account.RefreshToken;
import dev.storefront.domain.account.SessionRepository.RotationOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DynamoDbSessionRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final DynamoDbSessionRepository sessions =
            new DynamoDbSessionRepository(local.enhanced, local.table("SessionsTable"));

    @Test
    void rotate_shouldMarkTheTokenUsed_andStoreTheNextOne() {
        RefreshToken first = startFamily();
        RefreshToken next = token(first.familyId());

        assertThat(sessions.rotate(first, next, NOW)).isEqualTo(RotationOutcome.ROTATED);

        assertThat(sessions.findToken(first.tokenHash()).orElseThrow().usedAt()).isEqualTo(NOW);
        assertThat(sessions.findToken(next.tokenHash())).contains(next);
        assertThat(sessions.rotate(first, token(first.familyId()), NOW)).isEqualTo(RotationOutcome.ALREADY_USED);
    }

    @Test
    void rotate_shouldRefuse_whenTheFamilyIsRevoked() {
        RefreshToken first = startFamily();

        sessions.revokeFamily(first.familyId());

        assertThat(sessions.isFamilyRevoked(first.familyId())).isTrue();
        assertThat(sessions.rotate(first, token(first.familyId()), NOW)).isEqualTo(RotationOutcome.FAMILY_REVOKED);
    }

    @Test
    void rotate_shouldRefuse_anExpiredToken() {
        RefreshToken first = startFamily();

        assertThat(sessions.rotate(first, token(first.familyId()), first.expiresAt()))
                .isEqualTo(RotationOutcome.ALREADY_USED);
    }

    @Test
    void rotate_shouldLetExactlyOneOfConcurrentRefreshesWin() throws Exception {
        RefreshToken first = startFamily();
        AtomicInteger n = new AtomicInteger();

        List<Object> outcomes = Race.run(10, () -> {
            n.incrementAndGet();
            return sessions.rotate(first, token(first.familyId()), NOW);
        });

        assertThat(outcomes).filteredOn(RotationOutcome.ROTATED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(RotationOutcome.ALREADY_USED::equals).hasSize(9);
    }

    @Test
    void revokeFamily_shouldIgnoreUnknownFamilies() {
        sessions.revokeFamily("no-such-family");

        assertThat(sessions.isFamilyRevoked("no-such-family")).isTrue();
    }

    private RefreshToken startFamily() {
        String familyId = UUID.randomUUID().toString();
        RefreshToken first = token(familyId);
        sessions.startFamily(familyId, "user-1", first, first.expiresAt());
        return first;
    }

    private static RefreshToken token(String familyId) {
        return new RefreshToken(UUID.randomUUID().toString().replace("-", ""), familyId, "user-1",
                NOW.plus(Duration.ofDays(30)), null);
    }
}
