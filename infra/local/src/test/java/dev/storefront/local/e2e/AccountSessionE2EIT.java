package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Account;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session of the accounts function, end to end on the shop's shared stack: the access token ({@code /me}, every
 * forged or invalid token refused, the JWKS that verifies the real ones), and the refresh token (rotation, reuse
 * revoking its family, logout, a race of one token).
 */
class AccountSessionE2EIT extends SharedStackE2E {

    private static Account sharedAccount;

    @Test
    void me_shouldReturnTheAccount_withTheShopperRole() {
        Account account = stack.newAccount();
        String accessToken = stack.login(account.email(), PASSWORD).field("accessToken");

        Response me = stack.http().get("/me", "Authorization", "Bearer " + accessToken);

        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.path("userId").asText()).isEqualTo(account.userId());
        assertThat(body.path("email").asText()).isEqualTo(account.email());
        assertThat(body.path("name").asText()).isEqualTo(account.name());
        assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("shopper");
    }

    @Test
    void me_shouldReject_whenTokenIsMissing() {
        Response me = stack.http().get("/me");

        assertProblem(me, 401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void me_shouldAccept_aTokenMintedWithTheStackKey() {
        Account account = stack.newAccount();

        Response me = stack.http().get("/me", "Authorization", "Bearer " + stack.tokens().valid(account.userId()));

        assertThat(me.status()).as("control for the forged-token tests").isEqualTo(200);
        assertThat(me.json().path("userId").asText()).isEqualTo(account.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedAuthorizations")
    void me_shouldReject_forgedOrInvalidTokens(Function<Account, String> authorization) {
        Account account = sharedAccount();

        Response me = stack.http().get("/me", "Authorization", authorization.apply(account));

        assertProblem(me, 401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    static Stream<Arguments> forgedAuthorizations() {
        return Stream.of(
                forged("alg none (unsigned)", a -> "Bearer " + tokens().unsigned(a.userId())),
                forged("other EC key, same kid", a -> "Bearer " + tokens().signedWithOtherKeySameKid(a.userId())),
                forged("payload changed after signing", a -> "Bearer "
                        + AccessTokens.withPayloadChanged(stack.login(a.email(), PASSWORD).field("accessToken"))),
                forged("HS256 keyed with the public key (DER)",
                        a -> "Bearer " + tokens().hmacWithPublicKey(a.userId(), tokens().publicKeyDer())),
                forged("HS256 keyed with the public JWK JSON",
                        a -> "Bearer " + tokens().hmacWithPublicKey(a.userId(), tokens().publicJwkJson())),
                forged("expired (valid signature)", a -> "Bearer " + tokens().expired(a.userId())),
                forged("wrong issuer (valid signature)",
                        a -> "Bearer " + tokens().withIssuer(a.userId(), "https://evil.example/auth")),
                forged("wrong audience (valid signature)",
                        a -> "Bearer " + tokens().withAudience(a.userId(), "some-other-api")),
                forged("garbage", a -> "Bearer not-a-jwt-at-all"),
                forged("three garbage segments", a -> "Bearer aaa.bbb.ccc"),
                forged("Bearer with nothing", a -> "Bearer "),
                forged("Basic scheme", a -> "Basic " + Base64.getEncoder()
                        .encodeToString((a.email() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))),
                forged("token without scheme", a -> stack.login(a.email(), PASSWORD).field("accessToken")));
    }

    @Test
    void jwks_shouldPublishOnlyPublicEcKeys_thatVerifyIssuedTokens() throws Exception {
        Account account = stack.newAccount();
        SignedJWT accessToken = SignedJWT.parse(stack.login(account.email(), PASSWORD).field("accessToken"));

        Response response = stack.http().get("/.well-known/jwks.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode keys = response.json().path("keys");
        assertThat(keys.isArray()).isTrue();
        assertThat(keys.size()).isPositive();
        for (JsonNode key : keys) {
            assertThat(key.path("kty").asText()).isEqualTo("EC");
            assertThat(key.path("crv").asText()).isEqualTo("P-256");
            assertThat(key.path("kid").asText()).isNotBlank();
            assertThat(key.has("d")).as("private part of %s", key).isFalse();
        }
        JWKSet jwks = JWKSet.parse(response.body());
        JWK key = jwks.getKeyByKeyId(accessToken.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(accessToken.verify(new ECDSAVerifier((ECKey) key))).isTrue();
    }

    @Test
    void refresh_shouldRotateThePair() {
        Account account = stack.newAccount();
        String first = stack.login(account.email(), PASSWORD).field("refreshToken");

        Response rotated = stack.refresh(first);
        Response again = stack.refresh(rotated.field("refreshToken"));

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.field("tokenType")).isEqualTo("Bearer");
        assertThat(rotated.json().path("expiresIn").asInt()).isEqualTo(900);
        assertThat(rotated.field("refreshToken")).isNotEqualTo(first);
        assertThat(stack.http().get("/me", "Authorization", "Bearer " + rotated.field("accessToken")).status())
                .isEqualTo(200);
        assertThat(again.status()).as("the new refresh token works").isEqualTo(200);
    }

    @Test
    void refresh_shouldReject_aUsedToken_andRevokeItsFamily() {
        Account account = stack.newAccount();
        String first = stack.login(account.email(), PASSWORD).field("refreshToken");
        String otherSession = stack.login(account.email(), PASSWORD).field("refreshToken");
        String second = stack.refresh(first).field("refreshToken");

        Response reused = stack.refresh(first);
        Response newestOfFamily = stack.refresh(second);
        Response otherFamily = stack.refresh(otherSession);

        assertProblem(reused, 401);
        assertProblem(newestOfFamily, 401);
        assertThat(otherFamily.status()).as("only the reused token's family is revoked").isEqualTo(200);
    }

    @Test
    void refresh_shouldReject_unknownTokens() {
        assertProblem(stack.refresh("garbage"), 401);
        assertProblem(stack.refresh(UUID.randomUUID().toString() + UUID.randomUUID()), 401);
    }

    @Test
    void refresh_shouldRotateAtMostOnce_whenOneTokenIsPresentedConcurrently() throws Exception {
        Account account = stack.newAccount();
        String refreshToken = stack.login(account.email(), PASSWORD).field("refreshToken");

        List<Response> responses = stack.concurrently(8, i -> stack.http().jsonPost("/auth/refresh",
                object("refreshToken", refreshToken)));

        List<Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSizeLessThanOrEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertProblem(r, 401));
        for (Response winner : winners) {
            assertProblem(stack.refresh(winner.field("refreshToken")), 401);
        }
    }

    @Test
    void logout_shouldEndTheSession() {
        Account account = stack.newAccount();
        String refreshToken = stack.login(account.email(), PASSWORD).field("refreshToken");

        Response logout = stack.http().post("/auth/logout", object("refreshToken", refreshToken));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertProblem(stack.refresh(refreshToken), 401);
    }

    @Test
    void logout_shouldSucceed_forAnUnknownToken() {
        Response logout = stack.http().post("/auth/logout", object("refreshToken", "never-issued-" + UUID.randomUUID()));

        assertThat(logout.status()).isEqualTo(204);
    }

    /** One account for the tests that only read; created on first use. */
    private static synchronized Account sharedAccount() {
        if (sharedAccount == null) {
            sharedAccount = stack.newAccount();
        }
        return sharedAccount;
    }

    private static AccessTokens tokens() {
        return stack.tokens();
    }

    private static Arguments forged(String description, Function<Account, String> authorization) {
        return Arguments.of(named(description, authorization));
    }
}
