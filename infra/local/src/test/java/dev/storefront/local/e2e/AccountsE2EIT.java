package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounts function end to end: one local stack from the project's {@code template.yaml} (moto as the local
 * DynamoDB, Redis, the real {@code accounts.zip}, the admin seeder), driven over HTTP as a client would.
 */
class AccountsE2EIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN_EMAIL = "admin@storefront.test";
    private static final String ADMIN_PASSWORD = "admin password for e2e";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    /* U+1F600: one code point, two UTF-16 chars, four UTF-8 bytes. */
    private static final String EMOJI = "\uD83D\uDE00";
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private static LocalStorefront storefront;
    private static Http http;
    private static AccessTokens tokens;
    private static Account sharedAccount;

    @BeforeAll
    static void startStorefront() {
        Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
        storefront = LocalStorefront.start(LocalOptions.builder(template)
                .port(0)
                .setting("STOREFRONT_ADMIN_EMAIL", ADMIN_EMAIL)
                .setting("STOREFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .setting("STOREFRONT_SEED_PRODUCTS", "0")
                .build());
        http = new Http(storefront.baseUrl());
        tokens = AccessTokens.fromEnvironment(storefront.environment("AccountsFunction"));
    }

    @AfterAll
    static void stopStorefront() {
        if (storefront != null) {
            storefront.close();
        }
    }

    @Test
    void signup_shouldCreateAccount_withNormalizedEmail() {
        String email = uniqueEmail("Signup.Case");
        String mixedCase = email.toUpperCase(Locale.ROOT).replace("@EXAMPLE.COM", "@Example.COM");

        Response response = signup(mixedCase, PASSWORD, "  Ada Lovelace ");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode account = response.json();
        assertThat(account.path("userId").asText()).isNotBlank().matches("[A-Za-z0-9_-]+");
        assertThat(account.path("email").asText()).isEqualTo(email);
        assertThat(account.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(account.path("createdAt").asText()).matches(RFC_3339_UTC);
        assertThat(Instant.parse(account.path("createdAt").asText()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(account.has("password")).isFalse();
        assertThat(account.has("passwordHash")).isFalse();
    }

    @Test
    void signup_shouldReject_whenEmailTakenInAnotherCase() {
        String email = uniqueEmail("taken");
        assertThat(signup(email, PASSWORD, "First").status()).isEqualTo(201);

        Response again = signup(email.toUpperCase(Locale.ROOT), "another password 123", "Second");

        JsonNode problem = assertProblem(again, 409);
        assertThat(problem.path("type").asText()).endsWith("/email-taken");
        assertThat(errorFields(problem)).containsExactly("email");
        assertThat(login(email, PASSWORD).status()).as("the first account keeps its password").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignups")
    void signup_shouldRejectWithProblem_andWriteNothing_whenRequestIsBad(Function<String, HttpRequest> badRequest,
            int status, List<String> namedFields) {
        String email = uniqueEmail("bad");

        Response response = http.send(badRequest.apply(email));

        JsonNode problem = assertProblem(response, status);
        assertThat(errorFields(problem)).containsAll(namedFields);
        assertThat(signup(email, PASSWORD, "After The Bad Request").status())
                .as("nothing was written for %s", email).isEqualTo(201);
    }

    static Stream<Arguments> badSignups() {
        String name = "Valid Name";
        return Stream.of(
                bad("malformed JSON", 400, List.of(),
                        email -> raw("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":")),
                bad("JSON array", 400, List.of(),
                        email -> json(List.of(signupBody(email, PASSWORD, name)))),
                bad("empty body", 400, List.of(), email -> raw("")),
                bad("JSON null", 400, List.of(), email -> raw("null")),
                bad("trailing second object", 400, List.of(),
                        email -> raw(Http.text(signupBody(email, PASSWORD, name)) + "{}")),
                bad("duplicate key", 400, List.of(),
                        email -> raw("{\"email\":\"" + email + "\",\"email\":\"x@example.com\",\"password\":\""
                                + PASSWORD + "\",\"name\":\"" + name + "\"}")),
                bad("number for email", 400, List.of("email"),
                        email -> json(object("email", 12345, "password", PASSWORD, "name", name))),
                bad("object for name", 400, List.of("name"),
                        email -> json(object("email", email, "password", PASSWORD, "name", Map.of("first", "Ada")))),
                bad("boolean for password", 400, List.of("password"),
                        email -> json(object("email", email, "password", true, "name", name))),
                bad("missing password and name", 400, List.of("password", "name"),
                        email -> json(object("email", email))),
                bad("null email", 400, List.of("email"),
                        email -> json(object("email", null, "password", PASSWORD, "name", name))),
                bad("unknown field roles", 400, List.of("roles"),
                        email -> json(object("email", email, "password", PASSWORD, "name", name,
                                "roles", List.of("admin")))),
                bad("body over 64 KiB", 413, List.of(),
                        email -> json(signupBody(email, PASSWORD, "n".repeat(64 * 1024)))),
                bad("binary body of 50 KB", 415, List.of(),
                        email -> withContentType("b".repeat(50_000), "application/octet-stream")),
                bad("Content-Type text/plain", 415, List.of(),
                        email -> withContentType(Http.text(signupBody(email, PASSWORD, name)), "text/plain")),
                bad("no Content-Type", 415, List.of(),
                        email -> withContentType(Http.text(signupBody(email, PASSWORD, name)), null)),
                bad("invalid email (no @)", 400, List.of("email"),
                        email -> json(signupBody(email.replace("@", ""), PASSWORD, name))),
                bad("invalid email (space)", 400, List.of("email"),
                        email -> json(signupBody(email.replace("@", " @"), PASSWORD, name))),
                bad("password of 11 characters", 400, List.of("password"),
                        email -> json(signupBody(email, "p".repeat(11), name))),
                bad("password of 11 emoji (22 UTF-16 chars)", 400, List.of("password"),
                        email -> json(signupBody(email, EMOJI.repeat(11), name))),
                bad("password of 129 characters", 400, List.of("password"),
                        email -> json(signupBody(email, "p".repeat(129), name))),
                bad("empty name", 400, List.of("name"), email -> json(signupBody(email, PASSWORD, ""))),
                bad("blank name", 400, List.of("name"), email -> json(signupBody(email, PASSWORD, " \t "))),
                bad("name of 101 characters", 400, List.of("name"),
                        email -> json(signupBody(email, PASSWORD, "n".repeat(101)))),
                bad("huge integer for name", 400, List.of(),
                        email -> raw("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":"
                                + "9".repeat(1000) + "}")),
                bad("huge exponent for email", 400, List.of(),
                        email -> raw("{\"email\":1e999999999,\"password\":\"" + PASSWORD + "\",\"name\":\"" + name
                                + "\"}")),
                bad("deeply nested name", 400, List.of(),
                        email -> raw("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":"
                                + "[".repeat(2000) + "]".repeat(2000) + "}")));
    }

    @Test
    void signup_shouldAccept_boundaryValues() {
        String emojiEmail = uniqueEmail("emoji");
        String longEmail = uniqueEmail("long");

        Response emoji = signup(emojiEmail, EMOJI.repeat(12), "E" + EMOJI);
        Response longest = http.send(http.request("/auth/signup")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Http.text(signupBody(longEmail, "p".repeat(128), "n".repeat(100))), StandardCharsets.UTF_8))
                .build());

        assertThat(emoji.status()).as("12 emoji are 12 characters").isEqualTo(201);
        assertThat(emoji.json().path("name").asText()).isEqualTo("E" + EMOJI);
        assertThat(login(emojiEmail, EMOJI.repeat(12)).status()).isEqualTo(200);
        assertThat(longest.status()).isEqualTo(201);
        assertThat(login(longEmail, "p".repeat(128)).status()).isEqualTo(200);
    }

    @Test
    void login_shouldIssueTokens_whenCredentialsAreRight() throws Exception {
        Account account = newAccount();

        Response response = login(account.email(), PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode pair = response.json();
        assertThat(pair.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(pair.path("expiresIn").isIntegralNumber()).isTrue();
        assertThat(pair.path("expiresIn").asInt()).isEqualTo(900);
        assertThat(pair.path("refreshToken").asText()).isNotBlank();
        SignedJWT jwt = SignedJWT.parse(pair.path("accessToken").asText());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(AccessTokens.ACCESS_TOKEN_TYPE);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(tokens.keyId());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(account.userId());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("shopper");
        Map<String, String> environment = storefront.environment("AccountsFunction");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(environment.get("STOREFRONT_JWT_ISSUER"));
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(environment.get("STOREFRONT_JWT_AUDIENCE"));
        assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void login_shouldGiveTheSame401_forWrongPasswordAndUnknownEmail() {
        Account account = newAccount();

        Response wrongPassword = login(account.email(), "not the right password");
        Response unknownEmail = login(uniqueEmail("nobody"), PASSWORD);

        JsonNode first = assertProblem(wrongPassword, 401);
        JsonNode second = assertProblem(unknownEmail, 401);
        assertThat(second.path("detail").asText()).isEqualTo(first.path("detail").asText());
        assertThat(second.path("type").asText()).isEqualTo(first.path("type").asText());
        assertThat(second.path("title").asText()).isEqualTo(first.path("title").asText());
    }

    @Test
    void login_shouldBeThrottled_afterFiveFailures_evenWithTheRightPassword() {
        Account locked = newAccount();
        Account other = newAccount();

        for (int i = 0; i < 5; i++) {
            assertProblem(login(locked.email(), "wrong password " + i), 401);
        }
        Response rightPassword = login(locked.email(), PASSWORD);
        Response otherAccount = login(other.email(), PASSWORD);

        assertProblem(rightPassword, 429);
        assertThat(rightPassword.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(Long.parseLong(rightPassword.header("Retry-After").orElseThrow()))
                .isLessThanOrEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(otherAccount.status()).as("the throttle is per email").isEqualTo(200);
    }

    @Test
    void login_shouldCountFailures_acrossTheCaseOfTheEmail() {
        Account account = newAccount();

        for (int i = 0; i < 5; i++) {
            String variant = i % 2 == 0 ? account.email().toUpperCase(Locale.ROOT) : account.email();
            assertProblem(login(variant, "wrong password " + i), 401);
        }

        assertProblem(login(account.email(), PASSWORD), 429);
    }

    @Test
    void me_shouldReturnTheAccount_withTheShopperRole() {
        Account account = newAccount();
        String accessToken = login(account.email(), PASSWORD).field("accessToken");

        Response me = http.get("/me", "Authorization", "Bearer " + accessToken);

        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.path("userId").asText()).isEqualTo(account.userId());
        assertThat(body.path("email").asText()).isEqualTo(account.email());
        assertThat(body.path("name").asText()).isEqualTo(account.name());
        assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("shopper");
    }

    @Test
    void me_shouldReject_whenTokenIsMissing() {
        Response me = http.get("/me");

        assertProblem(me, 401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void me_shouldAccept_aTokenMintedWithTheStackKey() {
        Account account = newAccount();

        Response me = http.get("/me", "Authorization", "Bearer " + tokens.valid(account.userId()));

        assertThat(me.status()).as("control for the forged-token tests").isEqualTo(200);
        assertThat(me.json().path("userId").asText()).isEqualTo(account.userId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedAuthorizations")
    void me_shouldReject_forgedOrInvalidTokens(Function<Account, String> authorization) {
        Account account = sharedAccount();

        Response me = http.get("/me", "Authorization", authorization.apply(account));

        assertProblem(me, 401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    static Stream<Arguments> forgedAuthorizations() {
        return Stream.of(
                forged("alg none (unsigned)", a -> "Bearer " + tokens.unsigned(a.userId())),
                forged("other EC key, same kid", a -> "Bearer " + tokens.signedWithOtherKeySameKid(a.userId())),
                forged("payload changed after signing",
                        a -> "Bearer " + AccessTokens.withPayloadChanged(login(a.email(), PASSWORD).field("accessToken"))),
                forged("HS256 keyed with the public key (DER)",
                        a -> "Bearer " + tokens.hmacWithPublicKey(a.userId(), tokens.publicKeyDer())),
                forged("HS256 keyed with the public JWK JSON",
                        a -> "Bearer " + tokens.hmacWithPublicKey(a.userId(), tokens.publicJwkJson())),
                forged("expired (valid signature)", a -> "Bearer " + tokens.expired(a.userId())),
                forged("wrong issuer (valid signature)",
                        a -> "Bearer " + tokens.withIssuer(a.userId(), "https://evil.example/auth")),
                forged("wrong audience (valid signature)",
                        a -> "Bearer " + tokens.withAudience(a.userId(), "some-other-api")),
                forged("garbage", a -> "Bearer not-a-jwt-at-all"),
                forged("three garbage segments", a -> "Bearer aaa.bbb.ccc"),
                forged("Bearer with nothing", a -> "Bearer "),
                forged("Basic scheme", a -> "Basic " + Base64.getEncoder()
                        .encodeToString((a.email() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))),
                forged("token without scheme", a -> login(a.email(), PASSWORD).field("accessToken")));
    }

    @Test
    void refresh_shouldRotateThePair() {
        Account account = newAccount();
        String first = login(account.email(), PASSWORD).field("refreshToken");

        Response rotated = refresh(first);
        Response again = refresh(rotated.field("refreshToken"));

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.field("tokenType")).isEqualTo("Bearer");
        assertThat(rotated.json().path("expiresIn").asInt()).isEqualTo(900);
        assertThat(rotated.field("refreshToken")).isNotEqualTo(first);
        assertThat(http.get("/me", "Authorization", "Bearer " + rotated.field("accessToken")).status()).isEqualTo(200);
        assertThat(again.status()).as("the new refresh token works").isEqualTo(200);
    }

    @Test
    void refresh_shouldReject_aUsedToken_andRevokeItsFamily() {
        Account account = newAccount();
        String first = login(account.email(), PASSWORD).field("refreshToken");
        String otherSession = login(account.email(), PASSWORD).field("refreshToken");
        String second = refresh(first).field("refreshToken");

        Response reused = refresh(first);
        Response newestOfFamily = refresh(second);
        Response otherFamily = refresh(otherSession);

        assertProblem(reused, 401);
        assertProblem(newestOfFamily, 401);
        assertThat(otherFamily.status()).as("only the reused token's family is revoked").isEqualTo(200);
    }

    @Test
    void refresh_shouldReject_unknownTokens() {
        assertProblem(refresh("garbage"), 401);
        assertProblem(refresh(UUID.randomUUID().toString() + UUID.randomUUID()), 401);
    }

    @Test
    void logout_shouldEndTheSession() {
        Account account = newAccount();
        String refreshToken = login(account.email(), PASSWORD).field("refreshToken");

        Response logout = http.post("/auth/logout", object("refreshToken", refreshToken));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertProblem(refresh(refreshToken), 401);
    }

    @Test
    void logout_shouldSucceed_forAnUnknownToken() {
        Response logout = http.post("/auth/logout", object("refreshToken", "never-issued-" + UUID.randomUUID()));

        assertThat(logout.status()).isEqualTo(204);
    }

    @Test
    void jwks_shouldPublishOnlyPublicEcKeys_thatVerifyIssuedTokens() throws Exception {
        Account account = newAccount();
        SignedJWT accessToken = SignedJWT.parse(login(account.email(), PASSWORD).field("accessToken"));

        Response response = http.get("/.well-known/jwks.json");

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
    void signup_shouldReplayTheFirstResponse_whenIdempotencyKeyAndBodyRepeat() {
        String email = uniqueEmail("idem");
        String key = "signup-" + UUID.randomUUID();
        JsonNode body = signupBody(email, PASSWORD, "Idem Potent");

        Response first = http.post("/auth/signup", body, "Idempotency-Key", key);
        Response replay = http.post("/auth/signup", body, "Idempotency-Key", key);
        Response withoutKey = signup(email, PASSWORD, "Idem Potent");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(replay.status()).as("a replay is not a conflict").isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertProblem(withoutKey, 409);
    }

    @Test
    void signup_shouldReject_whenIdempotencyKeyIsReusedWithAnotherBody() {
        String key = "signup-" + UUID.randomUUID();
        String email = uniqueEmail("idem-first");
        String otherEmail = uniqueEmail("idem-other");
        assertThat(http.post("/auth/signup", signupBody(email, PASSWORD, "First"), "Idempotency-Key", key).status())
                .isEqualTo(201);

        Response other = http.post("/auth/signup", signupBody(otherEmail, PASSWORD, "Other"), "Idempotency-Key", key);

        assertProblem(other, 422);
        assertThat(signup(otherEmail, PASSWORD, "Other").status()).as("the other body was not executed").isEqualTo(201);
    }

    @Test
    void signup_shouldReject_invalidIdempotencyKeys_andAcceptTheLongestValidOne() {
        String email = uniqueEmail("idem-key");
        JsonNode body = signupBody(email, PASSWORD, "Key Checker");

        Response nonAscii = http.postRaw("/auth/signup", Http.text(body),
                Map.of("Idempotency-Key", "cl\u00e9-" + UUID.randomUUID()));
        Response tooLong = http.post("/auth/signup", body, "Idempotency-Key", "k".repeat(256));
        String longestKey = UUID.randomUUID() + "~".repeat(255 - 36);
        Response longest = http.post("/auth/signup", body, "Idempotency-Key", longestKey);

        assertProblem(nonAscii, 400);
        assertProblem(tooLong, 400);
        assertThat(longest.status()).as("255 printable ASCII characters are a valid key").isEqualTo(201);
    }

    @Test
    void unknownRoutes_shouldGet404Problem() {
        Response unknownPath = http.get("/nope");
        Response wrongMethod = http.send(http.request("/auth/signup").DELETE().build());
        Response getOnPost = http.get("/auth/login");

        assertProblem(unknownPath, 404);
        assertProblem(wrongMethod, 404);
        assertProblem(getOnPost, 404);
    }

    @Test
    void admin_shouldBeSeededFromSettings_withAdminAndShopperRoles() {
        Response login = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(login.status()).as("admin seeded from STOREFRONT_ADMIN_EMAIL/PASSWORD: %s", login).isEqualTo(200);

        Response me = http.get("/me", "Authorization", "Bearer " + login.field("accessToken"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asText()).isEqualTo(ADMIN_EMAIL);
        assertThat(me.json().path("roles")).extracting(JsonNode::asText).contains("admin", "shopper");
    }

    @Test
    void admin_shouldNotBeCreatableOverHttp() {
        String adminToken = tokens.signed(sharedAccount().userId(), claims -> claims.claim("roles",
                List.of("admin", "shopper")));

        JsonNode wannabe = object("email", uniqueEmail("wannabe"), "password", PASSWORD, "name", "Wannabe",
                "roles", List.of("admin"));

        Response anonymous = http.post("/admin/users", wannabe);
        Response asAdmin = http.post("/admin/users", wannabe, "Authorization", "Bearer " + adminToken);
        Response signupWithRole = http.post("/auth/signup", wannabe);

        assertProblem(anonymous, 404);
        assertProblem(asAdmin, 404);
        assertThat(errorFields(assertProblem(signupWithRole, 400))).containsExactly("roles");
    }

    @Test
    void accounts_shouldKeepWorking_whenTheCacheIsDown_andThrottleAgainWhenItIsBack() {
        Account account = newAccount();
        storefront.redis().stop();
        try {
            String email = uniqueEmail("outage");
            Response signup = signup(email, PASSWORD, "During Outage");
            Response login = login(account.email(), PASSWORD);
            int statusAfterFiveFailures = loginAfterFiveFailures(account);

            assertThat(signup.status()).isEqualTo(201);
            assertThat(login.status()).isEqualTo(200);
            assertThat(statusAfterFiveFailures).as("without the cache the throttle is open").isEqualTo(200);
        } finally {
            if (!storefront.redis().isRunning()) {
                storefront.redis().start();
            }
        }

        int recovered = awaitValue(Duration.ofSeconds(20), () -> loginAfterFiveFailures(account), status -> status == 429);

        assertThat(recovered).as("the throttle works again once the cache is back").isEqualTo(429);
    }

    @Test
    void signup_shouldCreateOneAccount_whenTheSameEmailSignsUpConcurrently() throws Exception {
        String email = uniqueEmail("race");

        List<Response> responses = concurrently(10, i -> http.jsonPost("/auth/signup",
                signupBody(i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), PASSWORD, "Racer " + i)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertProblem(r, 409));
    }

    @Test
    void signup_shouldRunOnce_whenTheSameIdempotentRequestArrivesConcurrently() throws Exception {
        String email = uniqueEmail("idem-race");
        String key = "race-" + UUID.randomUUID();
        JsonNode body = signupBody(email, PASSWORD, "Idem Racer");

        List<Response> responses = concurrently(5, i -> http.jsonPost("/auth/signup", body, "Idempotency-Key", key));

        List<Response> created = responses.stream()
                .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()).toList();
        assertThat(created).hasSize(1);
        assertThat(responses).filteredOn(r -> !created.contains(r)).allSatisfy(r -> {
            if (r.status() == 201) {
                assertThat(r.header("Idempotent-Replayed")).contains("true");
                assertThat(r.json()).isEqualTo(created.get(0).json());
            } else {
                assertProblem(r, 409);
                assertThat(r.header("Retry-After")).isPresent();
            }
        });
    }

    @Test
    void refresh_shouldRotateAtMostOnce_whenOneTokenIsPresentedConcurrently() throws Exception {
        Account account = newAccount();
        String refreshToken = login(account.email(), PASSWORD).field("refreshToken");

        List<Response> responses = concurrently(8, i -> http.jsonPost("/auth/refresh",
                object("refreshToken", refreshToken)));

        List<Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSizeLessThanOrEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertProblem(r, 401));
        for (Response winner : winners) {
            assertProblem(refresh(winner.field("refreshToken")), 401);
        }
    }

    private record Account(String userId, String email, String name) {
    }

    /** One account for tests that only read; created on first use. */
    private static synchronized Account sharedAccount() {
        if (sharedAccount == null) {
            sharedAccount = newAccount();
        }
        return sharedAccount;
    }

    private static String uniqueEmail(String tag) {
        return tag.toLowerCase(Locale.ROOT) + "-" + EMAILS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static JsonNode signupBody(String email, String password, String name) {
        return object("email", email, "password", password, "name", name);
    }

    private static Response signup(String email, String password, String name) {
        return http.post("/auth/signup", signupBody(email, password, name));
    }

    private static Account newAccount() {
        String email = uniqueEmail("user");
        Response response = signup(email, PASSWORD, "Test User");
        assertThat(response.status()).as("signup of %s: %s", email, response).isEqualTo(201);
        return new Account(response.field("userId"), email, "Test User");
    }

    private static Response login(String email, String password) {
        return http.post("/auth/login", object("email", email, "password", password));
    }

    private static Response refresh(String refreshToken) {
        return http.post("/auth/refresh", object("refreshToken", refreshToken));
    }

    /** Five wrong passwords, then the right one: the status of that last attempt. */
    private static int loginAfterFiveFailures(Account account) {
        for (int i = 0; i < 5; i++) {
            Response failure = login(account.email(), "wrong password " + i);
            if (failure.status() == 429) {
                return 429;
            }
            assertProblem(failure, 401);
        }
        return login(account.email(), PASSWORD).status();
    }

    /** Checks the RFC 9457 shape of an error and that its request id is the response's; returns the body. */
    private static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).as("type of %s", response).isNotBlank();
        assertThat(problem.path("title").asText()).as("title of %s", response).isNotBlank();
        assertThat(problem.path("status").isInt()).as("status field of %s", response).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", response).isNotBlank();
        assertThat(problem.path("instance").asText()).as("instance of %s", response).startsWith("/");
        assertThat(problem.path("requestId").asText()).as("requestId of %s", response).isEqualTo(response.requestId());
        return problem;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** Sends {@code count} requests released at the same instant; returns the responses in order. */
    private static List<Response> concurrently(int count, Function<Integer, HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest prepared = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http.send(prepared);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Repeats {@code attempt} until {@code done} accepts its value or the timeout passes; returns the last value. */
    private static <T> T awaitValue(Duration timeout, Supplier<T> attempt, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = attempt.get();
        while (!done.test(value) && System.nanoTime() - deadline < 0) {
            value = attempt.get();
        }
        return value;
    }

    private static Arguments bad(String description, int status, List<String> fields,
            Function<String, HttpRequest> request) {
        return Arguments.of(named(description, request), status, fields);
    }

    private static Arguments forged(String description, Function<Account, String> authorization) {
        return Arguments.of(named(description, authorization));
    }

    private static HttpRequest raw(String body) {
        return withContentType(body, Http.APPLICATION_JSON);
    }

    private static HttpRequest json(Object body) {
        return raw(Http.text(body));
    }

    private static HttpRequest withContentType(String body, String contentType) {
        HttpRequest.Builder builder = http.request("/auth/signup")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }
}
