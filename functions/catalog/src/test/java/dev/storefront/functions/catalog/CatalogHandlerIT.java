package dev.storefront.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.JwtAccessTokenIssuer;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.localcloud.FunctionTestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog handler as Lambda calls it: the sample events of {@code events/catalog} (the same files
 * {@code sam local invoke -e} uses) go through {@code handleRequest}, against moto (the local DynamoDB)
 * and Redis. The events carry a placeholder token and product id; the test swaps in a signed admin token
 * and the id the create returned.
 */
class CatalogHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/catalog");
    private static final String ISSUER = "https://storefront.test/auth";
    private static final String AUDIENCE = "storefront-api";

    private static FunctionTestEnvironment environment;
    private static CatalogHandler handler;
    private static String adminToken;

    @BeforeAll
    static void start() {
        ECKey key = SigningKeys.generate();
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), CatalogHandlerIT.class, Map.of(
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
                "STOREFRONT_JWT_ISSUER", ISSUER,
                "STOREFRONT_JWT_AUDIENCE", AUDIENCE,
                "STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(key),
                "STOREFRONT_CURRENCY", "USD"));
        handler = new CatalogHandler();
        adminToken = adminToken(key);
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void sampleEvents_shouldWalkThroughCreateReadReplaceStockAndArchive() throws IOException {
        // create
        JsonNode created = invoke(event("create-product.json", null));
        assertThat(created.get("statusCode").asInt()).as("%s", created).isEqualTo(201);
        JsonNode product = body(created);
        String id = product.get("productId").asText();
        assertThat(product.get("version").asLong()).isEqualTo(1);

        // read (twice: the second from the cache)
        for (int i = 0; i < 2; i++) {
            JsonNode read = invoke(event("get-product.json", id));
            assertThat(read.get("statusCode").asInt()).isEqualTo(200);
            assertThat(body(read)).isEqualTo(product);
        }

        // replace, with If-Match: 1
        JsonNode replaced = invoke(event("replace-product.json", id));
        assertThat(replaced.get("statusCode").asInt()).as("%s", replaced).isEqualTo(200);
        assertThat(body(replaced).get("version").asLong()).isEqualTo(2);
        assertThat(body(invoke(event("get-product.json", id))).get("name").asText()).isEqualTo("Desk lamp, brass");

        // the same replace again is stale now
        assertThat(invoke(event("replace-product.json", id)).get("statusCode").asInt()).isEqualTo(412);

        // stock
        JsonNode stock = invoke(event("set-stock.json", id));
        assertThat(body(stock).get("stock").get("available").asInt()).isZero();
        assertThat(body(stock).get("version").asLong()).isEqualTo(3);

        // archive
        assertThat(invoke(event("archive-product.json", id)).get("statusCode").asInt()).isEqualTo(204);
        JsonNode gone = invoke(event("get-product.json", id));
        assertThat(gone.get("statusCode").asInt()).isEqualTo(404);
        assertThat(gone.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
    }

    @Test
    void sampleEvents_shouldAnswerTheirDocumentedStatuses_asShipped() throws IOException {
        // The shipped token is a placeholder (bad signature); the product does not exist.
        assertThat(invoke(raw("create-product.json")).get("statusCode").asInt()).isEqualTo(401);
        assertThat(invoke(raw("get-product.json")).get("statusCode").asInt()).isEqualTo(404);
    }

    private static ObjectNode raw(String name) throws IOException {
        return (ObjectNode) JSON.readTree(EVENTS.resolve(name).toFile());
    }

    /** A sample event with a valid admin token and, when given, the product id in path and path parameters. */
    private static ObjectNode event(String name, String productId) throws IOException {
        ObjectNode event = raw(name);
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (headers.has("authorization")) {
            headers.put("authorization", "Bearer " + adminToken);
        }
        headers.remove("idempotency-key");
        if (productId != null) {
            String placeholder = event.get("pathParameters").get("productId").asText();
            ((ObjectNode) event.get("pathParameters")).put("productId", productId);
            event.put("rawPath", event.get("rawPath").asText().replace(placeholder, productId));
        }
        return event;
    }

    private static JsonNode body(JsonNode response) throws IOException {
        return JSON.readTree(response.get("body").asText());
    }

    private static JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static String adminToken(ECKey key) {
        return new JwtAccessTokenIssuer(key, ISSUER, AUDIENCE)
                .issue(new Principal("01JD000000000000000000ADMN", EnumSet.of(Role.ADMIN, Role.SHOPPER)));
    }
}
