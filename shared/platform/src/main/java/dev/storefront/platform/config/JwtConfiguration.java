package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Access tokens: who issues them and for whom ({@code STOREFRONT_JWT_ISSUER}, {@code STOREFRONT_JWT_AUDIENCE}), the
 * public keys that verify them ({@code STOREFRONT_JWT_PUBLIC_JWKS}, a JWK set) and, for the accounts function only,
 * the private key that signs them: the secret {@code STOREFRONT_JWT_SIGNING_KEY_SECRET_ARN} names, or locally the
 * JWK itself ({@code STOREFRONT_JWT_SIGNING_JWK}).
 */
@ConfigurationProperties("storefront.jwt")
public record JwtConfiguration(@Nullable String issuer, @Nullable String audience, @Nullable String publicJwks,
        @Nullable String signingKeySecretArn, @Nullable String signingJwk) {

    public JwtConfiguration {
        issuer = Setting.required(issuer, EnvVars.JWT_ISSUER);
        audience = Setting.required(audience, EnvVars.JWT_AUDIENCE);
        publicJwks = Setting.required(publicJwks, EnvVars.JWT_PUBLIC_JWKS);
        signingKeySecretArn = Setting.optional(signingKeySecretArn);
        signingJwk = Setting.optional(signingJwk);
    }

    /** The local signing JWK, when there is one (it wins over the secret). */
    public Optional<String> localSigningJwk() {
        return Optional.ofNullable(signingJwk);
    }

    /** The secret holding the signing JWK; fails naming its variable when not configured. */
    public String requiredSigningKeySecretArn() {
        return Setting.required(signingKeySecretArn, EnvVars.JWT_SIGNING_KEY_SECRET_ARN);
    }

    @Override
    public String toString() {
        return "JwtConfiguration[issuer=" + issuer + ", audience=" + audience + "]";
    }
}
