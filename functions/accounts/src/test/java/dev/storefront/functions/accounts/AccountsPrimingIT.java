package dev.storefront.functions.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.SigningKeys;
import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.redis.RedisLoginThrottle;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming of the accounts function against moto (the local DynamoDB) and a real Redis. CRaC cannot
 * checkpoint a normal JDK ({@code Core.checkpointRestore()} is unsupported there), so the handler's
 * {@code beforeCheckpoint} and {@code afterRestore} - what Lambda calls through {@code org.crac} - are called
 * directly.
 */
class AccountsPrimingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/accounts");
    private static final ECKey SIGNING_KEY = SigningKeys.generate();

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(SIGNING_KEY, Map.of(
            "STOREFRONT_USERS_TABLE", "UsersTable",
            "STOREFRONT_SESSIONS_TABLE", "SessionsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_JWT_SIGNING_JWK", SIGNING_KEY.toJSONString()));

    private static AccountsHandler handler;

    @BeforeAll
    static void start() throws IOException {
        handler = new AccountsHandler();
        // Some data the priming must leave alone.
        assertThat(invoke(event("signup.json")).get("statusCode").asInt()).isEqualTo(201);
        assertThat(invoke(event("login.json")).get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void prime_shouldAnswerTheExpectedStatuses_andWriteNothingDurable() {
        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).allMatch(PrimingResult::expected, "as expected");
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome).containsExactly(
                tuple("POST /auth/login", "401"),
                tuple("POST /auth/refresh", "401"),
                tuple("POST /auth/logout", "204"),
                tuple("POST /auth/signup", "400"),
                tuple("GET /me (as caller)", "404"),
                tuple("GET /.well-known/jwks.json", "200"),
                tuple("GET /me", "401"),
                tuple("access token signing (throwaway)", "ok"));
        assertThat(primed.itemChanges()).isEmpty();
        // The only trace: the failed login of the reserved email, counted for seconds.
        assertThat(primed.redisKeysAdded()).hasSize(1).allSatisfy((key, ttl) -> {
            assertThat(key).startsWith("login:fail:");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(RedisLoginThrottle.RESERVED_WINDOW.toMillis());
        });
    }

    @Test
    void afterRestore_shouldReopenRedis_beforeTheFirstRequest_whenTheOldConnectionsAreGone() throws IOException {
        // given: primed and closed for the snapshot (no connection left in it)
        handler.beforeCheckpoint(null);
        assertThat(environment.redis().connectedClients()).isZero();
        // the restored environment meets a Redis that knows none of the snapshot's connections
        environment.redis().stop();
        environment.redis().start();

        // when
        handler.afterRestore(null);

        // then: a connection is open before any request, and the first request's throttle uses it
        assertThat(environment.redis().connectedClients()).isEqualTo(1);
        ObjectNode wrongPassword = event("login.json");
        wrongPassword.put("body", "{\"email\":\"ada@example.com\",\"password\":\"not the password at all\"}");
        assertThat(invoke(wrongPassword).get("statusCode").asInt()).isEqualTo(401);
        assertThat(environment.snapshot().redisKeys()).containsKey("login:fail:" + sha256("ada@example.com"));
        assertThat(invoke(event("login.json")).get("statusCode").asInt()).isEqualTo(200);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(String name) throws IOException {
        return (ObjectNode) JSON.readTree(EVENTS.resolve(name).toFile());
    }

    private static JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
