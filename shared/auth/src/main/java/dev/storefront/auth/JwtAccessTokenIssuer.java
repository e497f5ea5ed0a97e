package dev.storefront.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.AccessTokenIssuer;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;

/**
 * Issues ES256-signed JWT access tokens.
 *
 * <p>Header: {@code alg=ES256}, {@code kid} of the signing key, {@code typ=at+jwt} (RFC 9068), which
 * {@link JwtAccessTokenVerifier} requires so that no other kind of JWT can pass as an access token. Claims:
 * {@code iss}, {@code aud}, {@code sub} (user id), {@code roles} (sorted wire names), {@code iat},
 * {@code nbf} (= iat), {@code exp} (= iat + {@link #LIFETIME}) and a random {@code jti}. Thread-safe.
 */
public final class JwtAccessTokenIssuer implements AccessTokenIssuer {

    /** The JOSE {@code typ} of access tokens (RFC 9068). */
    public static final JOSEObjectType TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** Name of the claim holding the role wire names. */
    public static final String ROLES_CLAIM = "roles";

    private static final JOSEObjectType THROWAWAY_TYPE = new JOSEObjectType("prime+jwt");
    private static final Base64.Encoder JTI_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final ECDSASigner signer;
    private final JWSHeader header;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** An issuer using the system clock. */
    public JwtAccessTokenIssuer(ECKey signingKey, String issuer, String audience) {
        this(signingKey, issuer, audience, Clock.systemUTC());
    }

    /**
     * An issuer.
     *
     * @param signingKey EC P-256 private JWK with a {@code kid} (see {@link SigningKeys#parsePrivateJwk})
     * @param issuer value of {@code iss}
     * @param audience value of {@code aud}
     * @param clock source of {@code iat}
     */
    public JwtAccessTokenIssuer(ECKey signingKey, String issuer, String audience, Clock clock) {
        Objects.requireNonNull(signingKey, "signingKey");
        SigningKeys.requireEs256Key(signingKey, "signing key");
        if (!signingKey.isPrivate()) {
            throw new IllegalArgumentException("signing key has no private part");
        }
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("signing key is not a usable EC private key");
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(signingKey.getKeyID())
                .type(TOKEN_TYPE)
                .build();
    }

    @Override
    public String issue(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        if (principal.roles().isEmpty()) {
            throw new IllegalArgumentException("a principal needs at least one role");
        }
        // JWT times are whole seconds; truncating keeps exp - iat exactly the lifetime.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        List<String> roles = principal.roles().stream().map(Role::wireName).sorted().toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(principal.userId())
                .claim(ROLES_CLAIM, roles)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(newJti())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Signs a throwaway token the way {@link #issue} signs, but one that no verifier accepts (its {@code typ} is
     * not {@code at+jwt}, and it expired before it was issued): it loads and runs the signing path without
     * creating a credential. For SnapStart priming, where no real login succeeds. Returns the token, to be
     * discarded.
     */
    public String signThrowaway() {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(ReservedKeys.ABSENT_ID)
                .claim(ROLES_CLAIM, List.of(Role.SHOPPER.wireName()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.minusSeconds(3600)))
                .jwtID(newJti())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(header).type(THROWAWAY_TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
        return jwt.serialize();
    }

    private String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return JTI_ENCODER.encodeToString(bytes);
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
