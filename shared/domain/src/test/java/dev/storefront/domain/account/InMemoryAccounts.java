package dev.storefront.domain.account;

import dev.storefront.domain.auth.AccessTokenIssuer;
import dev.storefront.domain.auth.PasswordHasher;
import dev.storefront.domain.auth.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory fakes of the account ports, with the same conditional semantics as the adapters. */
final class InMemoryAccounts {

    private InMemoryAccounts() {
    }

    static final class Users implements UserRepository {
        final Map<String, User> byId = new ConcurrentHashMap<>();
        final Map<String, String> idByEmail = new ConcurrentHashMap<>();

        @Override
        public synchronized void create(User user) {
            if (idByEmail.containsKey(user.email())) {
                throw new EmailTakenException();
            }
            idByEmail.put(user.email(), user.userId());
            byId.put(user.userId(), user);
        }

        @Override
        public Optional<User> findById(String userId) {
            return Optional.ofNullable(byId.get(userId));
        }

        @Override
        public Optional<User> findByEmail(String normalizedEmail) {
            return Optional.ofNullable(idByEmail.get(normalizedEmail)).map(byId::get);
        }

        @Override
        public void update(User user) {
            byId.put(user.userId(), user);
        }
    }

    static final class Sessions implements SessionRepository {
        final Map<String, RefreshToken> tokens = new HashMap<>();
        final Map<String, Boolean> revokedFamilies = new HashMap<>();

        @Override
        public synchronized void startFamily(String familyId, String userId, RefreshToken first, Instant expiresAt) {
            revokedFamilies.put(familyId, false);
            tokens.put(first.tokenHash(), first);
        }

        @Override
        public synchronized Optional<RefreshToken> findToken(String tokenHash) {
            return Optional.ofNullable(tokens.get(tokenHash));
        }

        @Override
        public synchronized boolean isFamilyRevoked(String familyId) {
            return revokedFamilies.getOrDefault(familyId, true);
        }

        @Override
        public synchronized RotationOutcome rotate(RefreshToken current, RefreshToken next, Instant now) {
            RefreshToken stored = tokens.get(current.tokenHash());
            if (stored == null || stored.usedAt() != null || stored.expiredAt(now)) {
                return RotationOutcome.ALREADY_USED;
            }
            if (isFamilyRevoked(current.familyId())) {
                return RotationOutcome.FAMILY_REVOKED;
            }
            tokens.put(current.tokenHash(), new RefreshToken(stored.tokenHash(), stored.familyId(), stored.userId(),
                    stored.expiresAt(), now));
            tokens.put(next.tokenHash(), next);
            return RotationOutcome.ROTATED;
        }

        @Override
        public synchronized void revokeFamily(String familyId) {
            revokedFamilies.computeIfPresent(familyId, (id, revoked) -> true);
        }
    }

    /** Reversible "hash" that keeps tests fast; the real Argon2id hasher has its own tests. */
    static final class PlainHasher implements PasswordHasher {
        int dummyVerifications;

        @Override
        public String hash(String password) {
            return "plain$" + password;
        }

        @Override
        public boolean verify(String password, String encodedHash) {
            return encodedHash.equals("plain$" + password);
        }

        @Override
        public void verifyDummy(String password) {
            dummyVerifications++;
        }
    }

    static final class Issuer implements AccessTokenIssuer {
        @Override
        public String issue(Principal principal) {
            return "token-for-" + principal.userId() + "-" + principal.roles();
        }
    }

    static final class Throttle implements LoginThrottle {
        final Map<String, Integer> failures = new HashMap<>();

        @Override
        public Duration lockedFor(String identifier) {
            return failures.getOrDefault(identifier, 0) >= MAX_FAILURES ? Duration.ofMinutes(10) : Duration.ZERO;
        }

        @Override
        public void recordFailure(String identifier) {
            failures.merge(identifier, 1, Integer::sum);
        }

        @Override
        public void reset(String identifier) {
            failures.remove(identifier);
        }
    }
}
