package dev.storefront.platform.http;

import dev.storefront.domain.auth.AccessTokenVerifier;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.error.AuthenticationException;
import dev.storefront.domain.error.ForbiddenException;
import java.util.Optional;

/** Enforces a route's {@link Access} rule before any business logic runs. */
public final class Authenticator {

    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final AccessTokenVerifier verifier;

    public Authenticator(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Returns the request with its principal, or throws 401/403 problems. */
    public ApiRequest authorize(ApiRequest request, Access access) {
        if (!access.requiresAuthentication()) {
            return request;
        }
        String token = bearerToken(request).orElseThrow(
                () -> new AuthenticationException("unauthorized", "A bearer access token is required."));
        Principal principal = verifier.verify(token);
        if (access.role() != null && !principal.has(access.role())) {
            throw new ForbiddenException("forbidden", "This operation needs the " + access.role().wireName()
                    + " role.");
        }
        return request.withPrincipal(principal);
    }

    private static Optional<String> bearerToken(ApiRequest request) {
        return request.header("authorization")
                .map(String::trim)
                .filter(value -> value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(token -> !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH);
    }
}
