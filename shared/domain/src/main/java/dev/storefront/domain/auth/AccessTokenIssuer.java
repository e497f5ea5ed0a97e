package dev.storefront.domain.auth;

import java.time.Duration;

/** Issues signed, short-lived access tokens. */
public interface AccessTokenIssuer {

    /** Lifetime of every access token. */
    Duration LIFETIME = Duration.ofMinutes(15);

    /** Returns a compact signed token for the principal, valid for {@link #LIFETIME}. */
    String issue(Principal principal);
}
