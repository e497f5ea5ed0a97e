package dev.storefront.domain.account;

import dev.storefront.domain.auth.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A registered account.
 *
 * @param email the normalized (trimmed, lower-case) email
 * @param passwordHash the encoded password hash; never leaves the service
 */
public record User(String userId, String email, String name, String passwordHash, Set<Role> roles, Instant createdAt) {

    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = Set.copyOf(roles);
    }

    public User withPasswordHash(String hash) {
        return new User(userId, email, name, hash, roles, createdAt);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(userId, email, name, passwordHash, newRoles, createdAt);
    }
}
