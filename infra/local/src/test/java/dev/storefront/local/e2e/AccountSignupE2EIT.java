package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.ADMIN_EMAIL;
import static dev.storefront.local.e2e.Shop.ADMIN_PASSWORD;
import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.signupBody;
import static dev.storefront.local.e2e.Shop.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Account;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounts function's way in, end to end on the shop's shared stack (the real {@code accounts.zip}, the admin
 * seeder): signing up (every bad body, idempotency, concurrent sign-ups of one email), logging in (the tokens it
 * issues, one answer for every wrong credential, the throttle) and the seeded admin.
 */
class AccountSignupE2EIT extends SharedStackE2E {

    /* U+1F600: one code point, two UTF-16 chars, four UTF-8 bytes. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void signup_shouldCreateAccount_withNormalizedEmail() {
        String email = uniqueEmail("Signup.Case");
        String mixedCase = email.toUpperCase(Locale.ROOT).replace("@EXAMPLE.COM", "@Example.COM");

        Response response = stack.signup(mixedCase, PASSWORD, "  Ada Lovelace ");

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
        assertThat(stack.signup(email, PASSWORD, "First").status()).isEqualTo(201);

        Response again = stack.signup(email.toUpperCase(Locale.ROOT), "another password 123", "Second");

        JsonNode problem = assertProblem(again, 409);
        assertThat(problem.path("type").asText()).endsWith("/email-taken");
        assertThat(errorFields(problem)).containsExactly("email");
        assertThat(stack.login(email, PASSWORD).status()).as("the first account keeps its password").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignups")
    void signup_shouldRejectWithProblem_andWriteNothing_whenRequestIsBad(Function<String, HttpRequest> badRequest,
            int status, List<String> namedFields) {
        String email = uniqueEmail("bad");

        Response response = stack.http().send(badRequest.apply(email));

        JsonNode problem = assertProblem(response, status);
        assertThat(errorFields(problem)).containsAll(namedFields);
        assertThat(stack.signup(email, PASSWORD, "After The Bad Request").status())
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

        Response emoji = stack.signup(emojiEmail, EMOJI.repeat(12), "E" + EMOJI);
        Response longest = stack.http().send(withContentType(
                Http.text(signupBody(longEmail, "p".repeat(128), "n".repeat(100))), "application/json; charset=utf-8"));

        assertThat(emoji.status()).as("12 emoji are 12 characters").isEqualTo(201);
        assertThat(emoji.json().path("name").asText()).isEqualTo("E" + EMOJI);
        assertThat(stack.login(emojiEmail, EMOJI.repeat(12)).status()).isEqualTo(200);
        assertThat(longest.status()).isEqualTo(201);
        assertThat(stack.login(longEmail, "p".repeat(128)).status()).isEqualTo(200);
    }

    @Test
    void signup_shouldReplayTheFirstResponse_whenIdempotencyKeyAndBodyRepeat() {
        String email = uniqueEmail("idem");
        String key = "signup-" + UUID.randomUUID();
        JsonNode body = signupBody(email, PASSWORD, "Idem Potent");

        Response first = stack.http().post("/auth/signup", body, "Idempotency-Key", key);
        Response replay = stack.http().post("/auth/signup", body, "Idempotency-Key", key);
        Response withoutKey = stack.signup(email, PASSWORD, "Idem Potent");

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
        assertThat(stack.http().post("/auth/signup", signupBody(email, PASSWORD, "First"), "Idempotency-Key", key)
                .status()).isEqualTo(201);

        Response other = stack.http().post("/auth/signup", signupBody(otherEmail, PASSWORD, "Other"),
                "Idempotency-Key", key);

        assertProblem(other, 422);
        assertThat(stack.signup(otherEmail, PASSWORD, "Other").status()).as("the other body was not executed")
                .isEqualTo(201);
    }

    @Test
    void signup_shouldReject_invalidIdempotencyKeys_andAcceptTheLongestValidOne() {
        String email = uniqueEmail("idem-key");
        JsonNode body = signupBody(email, PASSWORD, "Key Checker");

        Response nonAscii = stack.http().postRaw("/auth/signup", Http.text(body),
                Map.of("Idempotency-Key", "cl\u00e9-" + UUID.randomUUID()));
        Response tooLong = stack.http().post("/auth/signup", body, "Idempotency-Key", "k".repeat(256));
        String longestKey = UUID.randomUUID() + "~".repeat(255 - 36);
        Response longest = stack.http().post("/auth/signup", body, "Idempotency-Key", longestKey);

        assertProblem(nonAscii, 400);
        assertProblem(tooLong, 400);
        assertThat(longest.status()).as("255 printable ASCII characters are a valid key").isEqualTo(201);
    }

    @Test
    void signup_shouldCreateOneAccount_whenTheSameEmailSignsUpConcurrently() throws Exception {
        String email = uniqueEmail("race");

        List<Response> responses = stack.concurrently(10, i -> stack.http().jsonPost("/auth/signup",
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

        List<Response> responses = stack.concurrently(5, i -> stack.http().jsonPost("/auth/signup", body,
                "Idempotency-Key", key));

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
    void login_shouldIssueTokens_whenCredentialsAreRight() throws Exception {
        Account account = stack.newAccount();

        Response response = stack.login(account.email(), PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        JsonNode pair = response.json();
        assertThat(pair.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(pair.path("expiresIn").isIntegralNumber()).isTrue();
        assertThat(pair.path("expiresIn").asInt()).isEqualTo(900);
        assertThat(pair.path("refreshToken").asText()).isNotBlank();
        SignedJWT jwt = SignedJWT.parse(pair.path("accessToken").asText());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(AccessTokens.ACCESS_TOKEN_TYPE);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(stack.tokens().keyId());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(account.userId());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("shopper");
        Map<String, String> environment = stack.storefront().environment("AccountsFunction");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(environment.get("STOREFRONT_JWT_ISSUER"));
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(environment.get("STOREFRONT_JWT_AUDIENCE"));
        assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void login_shouldGiveTheSame401_forWrongPasswordAndUnknownEmail() {
        Account account = stack.newAccount();

        Response wrongPassword = stack.login(account.email(), "not the right password");
        Response unknownEmail = stack.login(uniqueEmail("nobody"), PASSWORD);

        JsonNode first = assertProblem(wrongPassword, 401);
        JsonNode second = assertProblem(unknownEmail, 401);
        assertThat(second.path("detail").asText()).isEqualTo(first.path("detail").asText());
        assertThat(second.path("type").asText()).isEqualTo(first.path("type").asText());
        assertThat(second.path("title").asText()).isEqualTo(first.path("title").asText());
    }

    @Test
    void login_shouldBeThrottled_afterFiveFailures_evenWithTheRightPassword() {
        Account locked = stack.newAccount();
        Account other = stack.newAccount();

        for (int i = 0; i < 5; i++) {
            assertProblem(stack.login(locked.email(), "wrong password " + i), 401);
        }
        Response rightPassword = stack.login(locked.email(), PASSWORD);
        Response otherAccount = stack.login(other.email(), PASSWORD);

        assertProblem(rightPassword, 429);
        assertThat(rightPassword.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(Long.parseLong(rightPassword.header("Retry-After").orElseThrow()))
                .isLessThanOrEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(otherAccount.status()).as("the throttle is per email").isEqualTo(200);
    }

    @Test
    void login_shouldCountFailures_acrossTheCaseOfTheEmail() {
        Account account = stack.newAccount();

        for (int i = 0; i < 5; i++) {
            String variant = i % 2 == 0 ? account.email().toUpperCase(Locale.ROOT) : account.email();
            assertProblem(stack.login(variant, "wrong password " + i), 401);
        }

        assertProblem(stack.login(account.email(), PASSWORD), 429);
    }

    @Test
    void unknownRoutes_shouldGet404Problem() {
        Response unknownPath = stack.http().get("/nope");
        Response wrongMethod = stack.http().delete("/auth/signup");
        Response getOnPost = stack.http().get("/auth/login");

        assertProblem(unknownPath, 404);
        assertProblem(wrongMethod, 404);
        assertProblem(getOnPost, 404);
    }

    @Test
    void admin_shouldBeSeededFromSettings_withAdminAndShopperRoles() {
        Response login = stack.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(login.status()).as("admin seeded from STOREFRONT_ADMIN_EMAIL/PASSWORD: %s", login).isEqualTo(200);

        Response me = stack.http().get("/me", "Authorization", "Bearer " + login.field("accessToken"));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asText()).isEqualTo(ADMIN_EMAIL);
        assertThat(me.json().path("roles")).extracting(JsonNode::asText).contains("admin", "shopper");
    }

    @Test
    void admin_shouldNotBeCreatableOverHttp() {
        String adminToken = stack.tokens().signed(stack.newAccount().userId(), claims -> claims.claim("roles",
                List.of("admin", "shopper")));

        JsonNode wannabe = object("email", uniqueEmail("wannabe"), "password", PASSWORD, "name", "Wannabe",
                "roles", List.of("admin"));

        Response anonymous = stack.http().post("/admin/users", wannabe);
        Response asAdmin = stack.http().post("/admin/users", wannabe, "Authorization", "Bearer " + adminToken);
        Response signupWithRole = stack.http().post("/auth/signup", wannabe);

        assertProblem(anonymous, 404);
        assertProblem(asAdmin, 404);
        assertThat(errorFields(assertProblem(signupWithRole, 400))).containsExactly("roles");
    }

    private static Arguments bad(String description, int status, List<String> fields,
            Function<String, HttpRequest> request) {
        return Arguments.of(named(description, request), status, fields);
    }

    private static HttpRequest raw(String body) {
        return withContentType(body, Http.APPLICATION_JSON);
    }

    private static HttpRequest json(Object body) {
        return raw(Http.text(body));
    }

    private static HttpRequest withContentType(String body, String contentType) {
        return stack.http().withBody("POST", "/auth/signup", body, contentType).build();
    }
}
