package dev.storefront.domain.auth;

import java.util.Locale;
import java.util.Optional;

/** Roles carried in access tokens. Their wire names are lower case. */
public enum Role {
    SHOPPER,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
