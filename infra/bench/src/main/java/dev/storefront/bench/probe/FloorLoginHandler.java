package dev.storefront.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.storefront.auth.Argon2idPasswordHasher;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.account.AccountRules;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.redis.RedisClientFactory;
import dev.storefront.redis.RedisConnection;
import dev.storefront.redis.RedisLoginThrottle;
import dev.storefront.redis.RedisSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The floor of a login's cold start on this stack: what {@code POST /auth/login} must do, with the libraries the
 * accounts function uses and none of its framework. It runs from the accounts deployment package and does the
 * login's whole I/O and cryptography: the throttle's status and reset in Redis (the function's own
 * {@code RedisLoginThrottle} over Jedis), the email claim and user lookups and the session transaction in DynamoDB
 * (the AWS SDK v2 <em>low-level</em> client from the function's own {@code DynamoDbClientFactory}, the same items as
 * the repositories write), Argon2id verification at the OWASP parameters (BouncyCastle) and an ES256 access token
 * (nimbus), reading the event and writing the response with jackson-core's streaming API.
 *
 * <p>Left out, because a login needs none of them to do its work: the DI container (Micronaut), data binding
 * (jackson-databind), the DynamoDB Enhanced Client, the request pipeline (validation, problem+json errors,
 * idempotency, authentication) and logging. So no login built on these libraries can start faster than this;
 * the benchmark prints it beside the real function.
 *
 * <p>{@value #WITHOUT} (a comma-separated list of {@code argon2}, {@code redis}, {@code dynamodb}) skips a part, to
 * attribute the floor: without {@code dynamodb}, the user is {@value #USER_ID_WITHOUT_DYNAMODB} with the password hash
 * in {@value #PASSWORD_HASH} and no session is written. A wrong password or an unknown email answers 401, so a
 * broken floor cannot pass for a fast one.
 */
public final class FloorLoginHandler implements RequestStreamHandler {

    /** Environment variable naming the parts to skip. */
    public static final String WITHOUT = "STOREFRONT_BENCH_FLOOR_WITHOUT";

    /** Environment variable with the password hash used when DynamoDB is skipped. */
    public static final String PASSWORD_HASH = "STOREFRONT_BENCH_FLOOR_PASSWORD_HASH";

    static final String USER_ID_WITHOUT_DYNAMODB = "floor-user";

    private static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private final JsonFactory json = new JsonFactory();
    private final DynamoDbClient dynamoDb;
    private final RedisLoginThrottle throttle;
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();
    private final JwtAccessTokenIssuer issuer;
    private final SecureRandom random = new SecureRandom();
    private final String usersTable;
    private final String sessionsTable;
    private final String passwordHash;
    private final boolean argon2;
    private final boolean redis;
    private final boolean dynamo;

    public FloorLoginHandler() {
        Map<String, String> env = System.getenv();
        List<String> without = List.of(env.getOrDefault(WITHOUT, "").split(","));
        argon2 = !without.contains("argon2");
        redis = !without.contains("redis");
        dynamo = !without.contains("dynamodb");
        dynamoDb = dynamo ? DynamoDbClientFactory.dynamoDb(env, DynamoDbClientFactory.httpClient()) : null;
        throttle = redis ? new RedisLoginThrottle(new RedisConnection(RedisClientFactory.lazy(
                RedisSettings.of(env.get("STOREFRONT_REDIS_URL"), false))).redis()) : null;
        issuer = new JwtAccessTokenIssuer(SigningKeys.parsePrivateJwk(env.get("STOREFRONT_JWT_SIGNING_JWK")),
                env.get("STOREFRONT_JWT_ISSUER"), env.get("STOREFRONT_JWT_AUDIENCE"), Clock.systemUTC());
        usersTable = env.get("STOREFRONT_USERS_TABLE");
        sessionsTable = env.get("STOREFRONT_SESSIONS_TABLE");
        passwordHash = env.get(PASSWORD_HASH);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, String> credentials = fields(bodyOf(input), Set.of("email", "password"));
        String password = credentials.get("password");
        if (credentials.get("email") == null || password == null) {
            respond(output, 400, "{\"title\":\"email and password are required\"}");
            return;
        }
        String email = AccountRules.normalizeEmail(credentials.get("email"));
        if (redis && !throttle.lockedFor(email).isZero()) {
            respond(output, 429, "{\"title\":\"locked\"}");
            return;
        }
        String userId = USER_ID_WITHOUT_DYNAMODB;
        String hash = passwordHash;
        if (dynamo) {
            Map<String, AttributeValue> claim = get(usersTable, "EMAIL#" + email);
            Map<String, AttributeValue> user = claim.isEmpty() ? Map.of() : get(usersTable, "USER#" + claim.get("userId").s());
            if (user.isEmpty()) {
                respond(output, 401, "{\"title\":\"unknown email\"}");
                return;
            }
            userId = user.get("userId").s();
            hash = user.get("passwordHash").s();
        }
        if (argon2 && !hasher.verify(password, hash)) {
            respond(output, 401, "{\"title\":\"wrong password\"}");
            return;
        }
        if (redis) {
            throttle.reset(email);
        }
        String accessToken = issuer.issue(new Principal(userId, EnumSet.of(Role.SHOPPER)));
        String refreshToken = newSecret();
        if (dynamo) {
            startSession(userId, refreshToken);
        }
        StringWriter body = new StringWriter();
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringField("accessToken", accessToken);
            out.writeStringField("tokenType", "Bearer");
            out.writeNumberField("expiresIn", 900);
            out.writeStringField("refreshToken", refreshToken);
            out.writeEndObject();
        }
        respond(output, 200, body.toString());
    }

    private Map<String, AttributeValue> get(String table, String key) {
        return dynamoDb.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key))).build()).item();
    }

    /** The family and its first token, as {@code DynamoDbSessionRepository.startFamily} writes them. */
    private void startSession(String userId, String refreshToken) {
        String familyId = UUID.randomUUID().toString();
        AttributeValue expiresAt = AttributeValue.fromN(Long.toString(Instant.now().plus(REFRESH_LIFETIME).getEpochSecond()));
        Map<String, AttributeValue> family = Map.of("pk", AttributeValue.fromS("FAMILY#" + familyId),
                "familyId", AttributeValue.fromS(familyId), "userId", AttributeValue.fromS(userId),
                "revoked", AttributeValue.fromBool(false), "expiresAt", expiresAt);
        Map<String, AttributeValue> token = Map.of("pk", AttributeValue.fromS("TOKEN#" + sha256(refreshToken)),
                "familyId", AttributeValue.fromS(familyId), "userId", AttributeValue.fromS(userId),
                "expiresAt", expiresAt);
        dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(sessionsTable).item(family)
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(sessionsTable).item(token)
                        .conditionExpression("attribute_not_exists(pk)").build()).build())
                .build());
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code body} of an API Gateway HTTP API event (not base64: the login's JSON body). */
    private String bodyOf(InputStream input) throws IOException {
        return fields(input, Set.of("body")).getOrDefault("body", "");
    }

    private Map<String, String> fields(InputStream input, Set<String> names) throws IOException {
        try (JsonParser parser = json.createParser(input)) {
            return fields(parser, names);
        }
    }

    private Map<String, String> fields(String text, Set<String> names) throws IOException {
        try (JsonParser parser = json.createParser(text)) {
            return fields(parser, names);
        }
    }

    /** The named string fields of a JSON object; other fields are skipped. */
    private static Map<String, String> fields(JsonParser parser, Set<String> names) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return values;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (names.contains(name) && value == JsonToken.VALUE_STRING) {
                values.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }

    private void respond(OutputStream output, int status, String body) throws IOException {
        try (JsonGenerator out = json.createGenerator(output)) {
            out.writeStartObject();
            out.writeNumberField("statusCode", status);
            out.writeObjectFieldStart("headers");
            out.writeStringField("content-type", status == 200 ? "application/json" : "application/problem+json");
            out.writeEndObject();
            out.writeStringField("body", body);
            out.writeBooleanField("isBase64Encoded", false);
            out.writeEndObject();
        }
        if (status != 200) {
            System.err.println("floor login answered " + status + ": " + body.toLowerCase(Locale.ROOT));
        }
    }
}
