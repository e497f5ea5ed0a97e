package dev.storefront.platform.http;

import dev.storefront.domain.auth.Role;

/** Who may call a route: anyone, any signed-in user, or users with one role. */
public record Access(boolean requiresAuthentication, Role role) {

    public static Access anonymous() {
        return new Access(false, null);
    }

    public static Access signedIn() {
        return new Access(true, null);
    }

    public static Access role(Role role) {
        return new Access(true, role);
    }
}
