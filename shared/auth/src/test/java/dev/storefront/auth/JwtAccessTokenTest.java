package dev.storefront.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.storefront.domain.auth.InvalidTokenException;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;

class JwtAccessTokenTest {

    private static final String ISSUER = "https://storefront.example/auth";
    private static final String AUDIENCE = "storefront-api";
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final Principal SHOPPER = new Principal("user-123", Set.of(Role.SHOPPER));

    private static final ECKey KEY = SigningKeys.generate();
    private static final ECKey OTHER_KEY = SigningKeys.generate();

    private final JwtAccessTokenIssuer issuer = issuerAt(NOW, KEY);
    private final JwtAccessTokenVerifier verifier = verifierAt(NOW, KEY);

    @Test
    void verify_shouldReturnThePrincipal_forATokenItIssued() {
        // given
        Principal admin = new Principal("user-9", Set.of(Role.SHOPPER, Role.ADMIN));
        String token = issuer.issue(admin);

        // when
        Principal principal = verifier.verify(token);

        // then
        assertThat(principal).isEqualTo(admin);
    }

    @Test
    void signThrowaway_shouldSignWithTheKey_butNeverBeAccepted() throws Exception {
        // when
        String token = issuer.signThrowaway();

        // then: a real signature by the key, refused for its type (and its expiry) all the same
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(KEY.toPublicJWK()))).isTrue();
        assertThat(jwt.getHeader().getType()).isNotEqualTo(JwtAccessTokenIssuer.TOKEN_TYPE);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(NOW));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void issue_shouldWriteTheHeaderAndClaims() throws Exception {
        // when
        SignedJWT jwt = SignedJWT.parse(issuer.issue(SHOPPER));

        // then
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEY.getKeyID());
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("user-123");
        assertThat(claims.getStringListClaim("roles")).containsExactly("shopper");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(SignedJWT.parse(issuer.issue(SHOPPER)).getJWTClaimsSet().getJWTID()).isNotEqualTo(claims.getJWTID());
    }

    @Test
    void verify_shouldAccept_withinTheClockSkew_afterExpiry() {
        // given
        String token = issuer.issue(SHOPPER);

        // when / then
        assertThat(verifierAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(29), KEY).verify(token)).isEqualTo(SHOPPER);
    }

    @Test
    void verify_shouldReject_whenExpired() {
        // given
        String token = issuer.issue(SHOPPER);

        // when / then
        assertRejected(verifierAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(31), KEY), token);
    }

    @Test
    void verify_shouldReject_whenIssuedInTheFuture() {
        // given: an issuer whose clock is five minutes ahead
        String token = issuerAt(NOW.plus(Duration.ofMinutes(5)), KEY).issue(SHOPPER);

        // when / then
        assertRejected(verifier, token);
    }

    @Test
    void verify_shouldReject_whenAlgIsNone() {
        // given: an unsecured JWT with perfect claims, as nimbus builds it and as typed by hand
        PlainJWT plain = new PlainJWT(validClaims().build());
        String handMade = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KEY.getKeyID() + "\"}") + "."
                + b64(validClaims().build().toString()) + ".";

        // when / then
        assertRejected(verifier, plain.serialize());
        assertRejected(verifier, handMade);
    }

    @Test
    void verify_shouldReject_whenHs256UsesThePublicKeyAsSecret() throws Exception {
        // given: the classic algorithm-confusion forgery, in two spellings of the public key
        byte[] encodedPublicKey = KEY.toECPublicKey().getEncoded();
        byte[] publicJwkBytes = KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

        for (byte[] secret : List.of(encodedPublicKey, publicJwkBytes)) {
            SignedJWT forged = new SignedJWT(header(JWSAlgorithm.HS256, KEY.getKeyID()), validClaims().build());
            forged.sign(new MACSigner(secret));

            // when / then
            assertRejected(verifier, forged.serialize());
        }
    }

    @Test
    void verify_shouldReject_whenSignedByAnotherKey_underTheKnownKid() throws Exception {
        // given
        SignedJWT forged = new SignedJWT(header(JWSAlgorithm.ES256, KEY.getKeyID()), validClaims().build());
        forged.sign(new ECDSASigner(OTHER_KEY));

        // when / then
        assertRejected(verifier, forged.serialize());
    }

    @Test
    void verify_shouldReject_whenTheKidIsUnknown() {
        // given: a well-formed token from a key the verifier does not know
        String token = issuerAt(NOW, OTHER_KEY).issue(SHOPPER);

        // when / then
        assertRejected(verifier, token);
    }

    @Test
    void verify_shouldReject_whenThePayloadIsChangedAfterSigning() {
        // given: a shopper's token whose payload is rewritten to claim admin
        String[] parts = issuer.issue(SHOPPER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = payload.replace("[\"shopper\"]", "[\"admin\",\"shopper\"]");
        assertThat(escalated).isNotEqualTo(payload);
        String tampered = parts[0] + "." + b64(escalated) + "." + parts[2];

        // when / then
        assertRejected(verifier, tampered);
    }

    @Test
    void verify_shouldReject_whenTheSignatureIsChanged() {
        // given
        String[] parts = issuer.issue(SHOPPER).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        // when / then
        assertRejected(verifier, tampered);
    }

    @Test
    void verify_shouldReject_whenTheIssuerIsWrong() {
        String token = new JwtAccessTokenIssuer(KEY, "https://evil.example/auth", AUDIENCE, clockAt(NOW)).issue(SHOPPER);
        assertRejected(verifier, token);
    }

    @Test
    void verify_shouldReject_whenTheAudienceIsWrong() {
        String token = new JwtAccessTokenIssuer(KEY, ISSUER, "other-api", clockAt(NOW)).issue(SHOPPER);
        assertRejected(verifier, token);
    }

    @Test
    void verify_shouldReject_whenTheAudienceHasMoreThanOurs() throws Exception {
        assertRejected(verifier, sign(validClaims().audience(List.of(AUDIENCE, "other-api"))));
    }

    @Test
    void verify_shouldReject_whenSubIsMissingOrBlank() throws Exception {
        assertRejected(verifier, sign(validClaims().subject(null)));
        assertRejected(verifier, sign(validClaims().subject(" ")));
    }

    @Test
    void verify_shouldReject_whenRolesAreMissingEmptyUnknownOrNotAList() throws Exception {
        assertRejected(verifier, sign(validClaims().claim("roles", null)));
        assertRejected(verifier, sign(validClaims().claim("roles", List.of())));
        assertRejected(verifier, sign(validClaims().claim("roles", List.of("shopper", "superuser"))));
        assertRejected(verifier, sign(validClaims().claim("roles", List.of("ADMIN"))));
        assertRejected(verifier, sign(validClaims().claim("roles", "admin")));
        assertRejected(verifier, sign(validClaims().claim("roles", List.of(Map.of("name", "admin")))));
    }

    @Test
    void verify_shouldReject_whenOtherRequiredClaimsAreMissing() throws Exception {
        assertRejected(verifier, sign(validClaims().jwtID(null)));
        assertRejected(verifier, sign(validClaims().issueTime(null)));
        assertRejected(verifier, sign(validClaims().expirationTime(null)));
        assertRejected(verifier, sign(validClaims().issuer(null)));
        assertRejected(verifier, sign(validClaims().audience((String) null)));
    }

    @Test
    void verify_shouldReject_whenNotYetValid() throws Exception {
        assertRejected(verifier, sign(validClaims().notBeforeTime(Date.from(NOW.plusSeconds(120)))));
    }

    @Test
    void verify_shouldReject_whenTheTypeIsNotAnAccessToken() throws Exception {
        // given: a correctly signed token of another JWT type (e.g. an ID token)
        SignedJWT other = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID())
                .type(JOSEObjectType.JWT).build(), validClaims().build());
        other.sign(new ECDSASigner(KEY));
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
                validClaims().build());
        untyped.sign(new ECDSASigner(KEY));

        // when / then
        assertRejected(verifier, other.serialize());
        assertRejected(verifier, untyped.serialize());
    }

    @Test
    void verify_shouldAccept_aTokenSignedByHand_withTheValidClaims() throws Exception {
        // A control for the hand-made forgeries above: the same helper with nothing wrong is accepted.
        assertThat(verifier.verify(sign(validClaims()))).isEqualTo(SHOPPER);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "a.b.c", "a.b", "....", "eyJhbGciOiJFUzI1NiJ9..", "eyJ9.eyJ9.eyJ9",
        "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA.BBBB.CCCC", "Bearer xyz", "\u0000\u0001"})
    void verify_shouldReject_garbage(String token) {
        assertRejected(verifier, token);
    }

    @Test
    void verify_shouldReject_aHugeToken() {
        String token = issuer.issue(SHOPPER);
        assertRejected(verifier, token + "A".repeat(10_000));
    }

    @Test
    void verify_shouldAccept_everyKeyOfTheJwkSet_duringARotation() {
        // given: the JWKS publishes the old and the new key
        JwtAccessTokenVerifier rotating = new JwtAccessTokenVerifier(
                SigningKeys.parsePublicJwkSet(SigningKeys.publicJwkSetJson(KEY, OTHER_KEY)), ISSUER, AUDIENCE, clockAt(NOW));
        ECKey retired = SigningKeys.generate();

        // when / then
        assertThat(rotating.verify(issuerAt(NOW, KEY).issue(SHOPPER))).isEqualTo(SHOPPER);
        assertThat(rotating.verify(issuerAt(NOW, OTHER_KEY).issue(SHOPPER))).isEqualTo(SHOPPER);
        assertRejected(rotating, issuerAt(NOW, retired).issue(SHOPPER));
    }

    @Test
    void verify_shouldBeThreadSafe() throws Exception {
        // given
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(issuer.issue(new Principal("user-" + i, Set.of(Role.SHOPPER))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // when
            List<Callable<String>> tasks = tokens.stream()
                    .<Callable<String>>map(token -> () -> verifier.verify(token).userId()).toList();
            List<String> users = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                users.add(f.get());
            }

            // then
            assertThat(users).hasSize(200).doesNotHaveDuplicates().allMatch(u -> u.startsWith("user-"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void constructor_shouldRefuse_aJwkSetWithPrivateKeys() {
        assertThatThrownBy(() -> new JwtAccessTokenVerifier(new JWKSet(KEY), ISSUER, AUDIENCE, clockAt(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(JwtAccessTokenVerifier verifier, String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage(JwtAccessTokenVerifier.GENERIC_MESSAGE)
                .hasNoCause();
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(SHOPPER.userId())
                .claim("roles", List.of("shopper"))
                .issueTime(Date.from(NOW))
                .notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(15))))
                .jwtID("jti-1");
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).keyID(kid).type(JwtAccessTokenIssuer.TOKEN_TYPE).build();
    }

    private static String sign(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.ES256, KEY.getKeyID()), claims.build());
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JwtAccessTokenIssuer issuerAt(Instant now, ECKey key) {
        return new JwtAccessTokenIssuer(key, ISSUER, AUDIENCE, clockAt(now));
    }

    private static JwtAccessTokenVerifier verifierAt(Instant now, ECKey... keys) {
        JWKSet publicKeys = SigningKeys.parsePublicJwkSet(SigningKeys.publicJwkSetJson(keys));
        return new JwtAccessTokenVerifier(publicKeys, ISSUER, AUDIENCE, clockAt(now));
    }

    private static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}
