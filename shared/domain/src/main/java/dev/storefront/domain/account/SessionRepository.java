package dev.storefront.domain.account;

import java.time.Instant;
import java.util.Optional;

/** Storage of refresh tokens and their families, with atomic rotation. */
public interface SessionRepository {

    /** Starts a new token family with its first token. */
    void startFamily(String familyId, String userId, RefreshToken first, Instant familyExpiresAt);

    Optional<RefreshToken> findToken(String tokenHash);

    /** Whether the family has been revoked (logout or detected reuse) or no longer exists. */
    boolean isFamilyRevoked(String familyId);

    /**
     * Marks {@code current} used and stores {@code next} in one transaction, on condition that
     * {@code current} is unused and unexpired and its family is not revoked.
     *
     * @return the outcome; only {@link RotationOutcome#ROTATED} wrote anything
     */
    RotationOutcome rotate(RefreshToken current, RefreshToken next, Instant now);

    /** Revokes the whole family: none of its tokens can be exchanged any more. */
    void revokeFamily(String familyId);

    /** Why a rotation did or did not happen. */
    enum RotationOutcome {
        ROTATED,
        ALREADY_USED,
        FAMILY_REVOKED
    }
}
