package dev.storefront.local.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints access tokens the way an attacker (or the issuer) would: with the local signing key of the stack,
 * so that a test can change exactly one property of an otherwise valid token, or with other keys and
 * algorithms. The claims match what {@code JwtAccessTokenIssuer} issues.
 */
final class AccessTokens {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final ECKey signingKey;
    private final String issuer;
    private final String audience;

    private AccessTokens(ECKey signingKey, String issuer, String audience) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** From a function's environment: {@code STOREFRONT_JWT_SIGNING_JWK}, {@code _ISSUER}, {@code _AUDIENCE}. */
    static AccessTokens fromEnvironment(Map<String, String> environment) {
        try {
            return new AccessTokens(ECKey.parse(required(environment, "STOREFRONT_JWT_SIGNING_JWK")),
                    required(environment, "STOREFRONT_JWT_ISSUER"), required(environment, "STOREFRONT_JWT_AUDIENCE"));
        } catch (ParseException e) {
            throw new IllegalStateException("STOREFRONT_JWT_SIGNING_JWK is not a JWK", e);
        }
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is missing from the function environment");
        }
        return value;
    }

    String keyId() {
        return signingKey.getKeyID();
    }

    /** Claims as the issuer sets them, valid now for 15 minutes. */
    JWTClaimsSet.Builder claims(String userId, List<String> roles) {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed with the stack's own key after {@code change} was applied to otherwise valid claims. */
    String signed(String userId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(es256Header(), change.apply(claims(userId, List.of("shopper"))).build(), ecdsa(signingKey));
    }

    String valid(String userId) {
        return signed(userId, UnaryOperator.identity());
    }

    String expired(String userId) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        return signed(userId, claims -> claims.issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(15)))));
    }

    String withIssuer(String userId, String otherIssuer) {
        return signed(userId, claims -> claims.issuer(otherIssuer));
    }

    String withAudience(String userId, String otherAudience) {
        return signed(userId, claims -> claims.audience(otherAudience));
    }

    /** {@code alg: none}: valid claims, no signature. */
    String unsigned(String userId) {
        PlainHeader header = new PlainHeader.Builder().type(ACCESS_TOKEN_TYPE)
                .customParam("kid", keyId()).build();
        return new PlainJWT(header, claims(userId, List.of("admin", "shopper")).build()).serialize();
    }

    /** ES256 with a freshly generated key that claims the real key's id. */
    String signedWithOtherKeySameKid(String userId) {
        try {
            ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(keyId()).generate();
            return sign(es256Header(), claims(userId, List.of("admin", "shopper")).build(), ecdsa(impostor));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with public key material, the classic algorithm-confusion attack. */
    String hmacWithPublicKey(String userId, byte[] publicKeyMaterial) {
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId()).type(ACCESS_TOKEN_TYPE).build();
            return sign(header, claims(userId, List.of("admin", "shopper")).build(), new MACSigner(publicKeyMaterial));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER (X.509 SubjectPublicKeyInfo) of the public signing key, as a PEM file would hold it. */
    byte[] publicKeyDer() {
        try {
            return signingKey.toECPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK JSON, as served by the JWKS route. */
    byte[] publicJwkJson() {
        return signingKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    /** A genuine token with its payload replaced (roles elevated) and the original signature kept. */
    static String withPayloadChanged(String genuineToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(genuineToken);
            JWTClaimsSet elevated = new JWTClaimsSet.Builder(jwt.getJWTClaimsSet())
                    .claim("roles", List.of("admin", "shopper")).build();
            Base64URL payload = Base64URL.encode(elevated.toString());
            return jwt.getHeader().toBase64URL() + "." + payload + "." + jwt.getSignature();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT", e);
        }
    }

    private JWSHeader es256Header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId()).type(ACCESS_TOKEN_TYPE).build();
    }

    private static JWSSigner ecdsa(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
