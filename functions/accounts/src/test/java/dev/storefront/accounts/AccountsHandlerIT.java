package dev.storefront.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.CloudFormationTemplate;
import dev.storefront.localcloud.DynamoDbLocalServer;
import dev.storefront.localcloud.IntrinsicResolver;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.localcloud.RedisServer;
import dev.storefront.localcloud.TemplateTables;
import dev.storefront.platform.config.LambdaEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accounts handler as Lambda calls it: the sample events of {@code events/accounts} (the same files
 * {@code sam local invoke -e} uses) go through {@code handleRequest}, against DynamoDB Local and Redis.
 */
class AccountsHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/accounts");

    private static DynamoDbLocalServer dynamoDb;
    private static RedisServer redis;
    private static Path environmentFile;
    private static AccountsHandler handler;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        dynamoDb = DynamoDbLocalServer.startInMemory();
        redis = RedisServer.launch();
        CloudFormationTemplate template = CloudFormationTemplate.load(Path.of("../../template.yaml"));
        new TemplateTables(IntrinsicResolver.builder(template).build())
                .createAll(LocalAwsClients.dynamoDb(dynamoDb.endpoint()));
        ECKey key = SigningKeys.generate();
        Properties environment = new Properties();
        environment.setProperty("STOREFRONT_USERS_TABLE", "UsersTable");
        environment.setProperty("STOREFRONT_SESSIONS_TABLE", "SessionsTable");
        environment.setProperty("STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable");
        environment.setProperty("STOREFRONT_REDIS_URL", "redis://127.0.0.1:" + redis.port());
        environment.setProperty("STOREFRONT_JWT_ISSUER", "https://storefront.test/auth");
        environment.setProperty("STOREFRONT_JWT_AUDIENCE", "storefront-api");
        environment.setProperty("STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(key));
        environment.setProperty("STOREFRONT_JWT_SIGNING_JWK", key.toJSONString());
        environment.setProperty("AWS_ENDPOINT_URL", dynamoDb.endpoint().toString());
        environment.setProperty("AWS_REGION", "us-east-1");
        environment.setProperty("AWS_ACCESS_KEY_ID", "local");
        environment.setProperty("AWS_SECRET_ACCESS_KEY", "local");
        // The function reads its environment from this classpath resource (see LambdaEnvironment).
        Path testClasses = Path.of(AccountsHandlerIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        environmentFile = testClasses.resolve(LambdaEnvironment.LOCAL_RESOURCE);
        try (OutputStream out = Files.newOutputStream(environmentFile)) {
            environment.store(out, "AccountsHandlerIT");
        }
        handler = new AccountsHandler();
    }

    @AfterAll
    static void stop() throws IOException {
        Files.deleteIfExists(environmentFile);
        if (redis != null) {
            redis.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Test
    void sampleEvents_shouldWalkThroughSignupLoginRefreshAndLogout() throws IOException {
        JsonNode signup = invoke(event("signup.json"));
        assertThat(signup.get("statusCode").asInt()).isEqualTo(201);
        assertThat(signup.get("headers").get("X-Request-Id").asText()).isNotBlank();

        JsonNode login = invoke(event("login.json"));
        assertThat(login.get("statusCode").asInt()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(login.get("body").asText());

        ObjectNode me = event("me.json");
        ((ObjectNode) me.get("headers")).put("authorization", "Bearer " + tokens.get("accessToken").asText());
        JsonNode account = JSON.readTree(invoke(me).get("body").asText());
        assertThat(account.get("email").asText()).isEqualTo("ada@example.com");

        JsonNode refreshed = invoke(withRefreshToken(event("refresh.json"), tokens.get("refreshToken").asText()));
        assertThat(refreshed.get("statusCode").asInt()).isEqualTo(200);
        String next = JSON.readTree(refreshed.get("body").asText()).get("refreshToken").asText();
        assertThat(invoke(withRefreshToken(event("logout.json"), next)).get("statusCode").asInt()).isEqualTo(204);
        assertThat(invoke(withRefreshToken(event("refresh.json"), next)).get("statusCode").asInt()).isEqualTo(401);
    }

    @Test
    void sampleEvents_shouldAnswerTheirDocumentedStatuses_asShipped() throws IOException {
        assertThat(invoke(event("jwks.json")).get("statusCode").asInt()).isEqualTo(200);
        assertThat(invoke(event("not-found.json")).get("statusCode").asInt()).isEqualTo(404);
        JsonNode forged = invoke(event("me.json"));
        assertThat(forged.get("statusCode").asInt()).isEqualTo(401);
        assertThat(forged.get("headers").get("WWW-Authenticate").asText()).startsWith("Bearer");
    }

    private static ObjectNode event(String name) throws IOException {
        return (ObjectNode) JSON.readTree(EVENTS.resolve(name).toFile());
    }

    private static ObjectNode withRefreshToken(ObjectNode event, String token) {
        event.put("body", "{\"refreshToken\":\"" + token + "\"}");
        return event;
    }

    private static JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
