package dev.storefront.domain.auth;

import java.util.Objects;
import java.util.Set;

/** The authenticated caller of a request, taken from a verified access token. */
public record Principal(String userId, Set<Role> roles) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
