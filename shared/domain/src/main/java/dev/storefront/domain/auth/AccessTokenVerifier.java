package dev.storefront.domain.auth;

/** Verifies access tokens: signature, algorithm, issuer, audience, expiry and required claims. */
public interface AccessTokenVerifier {

    /**
     * Returns the principal of a valid token.
     *
     * @throws InvalidTokenException for any token that is missing, malformed, forged, expired or meant
     *     for another issuer or audience; its message is safe to show to the client
     */
    Principal verify(String compactToken);
}
