package dev.storefront.auth;

import java.time.Clock;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.storefront.domain.auth.AccessTokenVerifier;
import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;

/**
 * Verifies access tokens issued by {@link JwtAccessTokenIssuer}.
 *
 * <p>Accepts only: a JWS with {@code alg=ES256} and {@code typ=at+jwt}, signed by a key of the public JWK
 * Set chosen by {@code kid}; {@code iss} and {@code aud} exactly as configured; {@code sub}, {@code exp},
 * {@code iat}, {@code roles} and {@code jti} present; not expired, not before {@code nbf}, not issued in the
 * future (30 s of clock skew allowed); every role a known wire name. So {@code alg=none}, HMAC with the
 * public key as secret, other keys, edited payloads and tokens for other issuers or audiences are refused.
 *
 * <p>Every refusal is an {@link InvalidTokenException} with the same generic message; the library's reason
 * is not exposed. Thread-safe.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

    /** Allowed difference between our clock and the issuer's, in seconds. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 30;

    static final String GENERIC_MESSAGE = "The access token is invalid or expired.";

    /* Far above any token we issue; bounds the work spent on garbage. */
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Set<String> REQUIRED_CLAIMS = Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME,
            JWTClaimNames.ISSUED_AT, JWTClaimNames.JWT_ID, JwtAccessTokenIssuer.ROLES_CLAIM);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;

    /** A verifier for the public JWK Set JSON (see {@link SigningKeys#parsePublicJwkSet}), system clock. */
    public JwtAccessTokenVerifier(String publicJwkSetJson, String issuer, String audience) {
        this(SigningKeys.parsePublicJwkSet(publicJwkSetJson), issuer, audience, Clock.systemUTC());
    }

    /**
     * A verifier.
     *
     * @param publicKeys public verification keys, selected by {@code kid}
     * @param issuer required {@code iss}
     * @param audience required {@code aud} (the only audience of the token)
     * @param clock the current time for {@code exp}, {@code nbf} and {@code iat} checks
     */
    public JwtAccessTokenVerifier(JWKSet publicKeys, String issuer, String audience, Clock clock) {
        Objects.requireNonNull(publicKeys, "publicKeys");
        if (publicKeys.getKeys().stream().anyMatch(key -> key.isPrivate())) {
            throw new IllegalArgumentException("verification keys must be public keys");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        JWTClaimsSet exactMatch = new JWTClaimsSet.Builder()
                .issuer(JwtAccessTokenIssuer.requireText(issuer, "issuer"))
                .audience(JwtAccessTokenIssuer.requireText(audience, "audience"))
                .build();
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(exactMatch, REQUIRED_CLAIMS) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(JwtAccessTokenVerifier.this.clock.instant());
                    }
                };
        claimsVerifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);

        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JwtAccessTokenIssuer.TOKEN_TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(publicKeys)));
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    @Override
    public Principal verify(String compactToken) {
        if (compactToken == null || compactToken.isEmpty() || compactToken.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(compactToken, null);
            requireNotIssuedInFuture(claims);
        } catch (Exception e) {
            // Parse, signature, algorithm, type and claim errors alike; never the library's message.
            throw invalid();
        }
        return principal(claims);
    }

    private void requireNotIssuedInFuture(JWTClaimsSet claims) throws BadJWTException {
        Date issuedAt = claims.getIssueTime();
        if (issuedAt.toInstant().isAfter(clock.instant().plusSeconds(MAX_CLOCK_SKEW_SECONDS))) {
            throw new BadJWTException("issued in the future");
        }
    }

    private static Principal principal(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalid();
        }
        if (!(claims.getClaim(JwtAccessTokenIssuer.ROLES_CLAIM) instanceof List<?> names) || names.isEmpty()) {
            throw invalid();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (!(name instanceof String wireName)) {
                throw invalid();
            }
            roles.add(Role.fromWireName(wireName).orElseThrow(JwtAccessTokenVerifier::invalid));
        }
        return new Principal(subject, roles);
    }

    private static InvalidTokenException invalid() {
        return new InvalidTokenException(GENERIC_MESSAGE);
    }
}
