package dev.storefront.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token. Only the digest of the token is stored; the token itself is shown to the
 * client once.
 *
 * @param tokenHash hex SHA-256 of the token
 * @param familyId the login this token descends from; reuse of any used token revokes the family
 * @param usedAt when the token was exchanged, or {@code null} while unused
 */
public record RefreshToken(String tokenHash, String familyId, String userId, Instant expiresAt, Instant usedAt) {

    public RefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
