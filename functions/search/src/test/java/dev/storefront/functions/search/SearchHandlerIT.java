package dev.storefront.functions.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import dev.storefront.auth.SigningKeys;
import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.localcloud.FunctionTestEnvironment;
import dev.storefront.localcloud.LocalAwsClients;
import dev.storefront.platform.config.CursorConfiguration;
import dev.storefront.platform.config.Setting;
import dev.storefront.runtime.CursorKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The search function as Lambda calls it: the sample events of {@code events/search} go through
 * {@code handleRequest}, against moto (the local DynamoDB) and Redis. The index is built from the products
 * table when the handler is created; a product published by the search indexer ({@link CatalogChangeHandler},
 * invoked with the sample stream event) reaches it through the change feed in Redis.
 */
class SearchHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = Path.of("../../events/search");
    private static final String CURSOR_KEY = "search-cursor-key-for-tests-0123456789";
    private static final Instant CREATED = Instant.parse("2026-11-22T09:00:00Z");
    /** The product of {@code products-stream.json}. */
    private static final String STREAMED_ID = "01JD3A7K2M9P4R6T8V0X2Z4B6D";

    private static FunctionTestEnvironment environment;
    private static SearchHandler handler;

    @BeforeAll
    static void start() {
        ECKey key = SigningKeys.generate();
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), SearchHandlerIT.class, Map.of(
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_CURSOR_KEY", CURSOR_KEY,
                // Every search catches up with the feed: no waiting in the test.
                "STOREFRONT_SEARCH_SYNC_INTERVAL_MILLIS", "0",
                "STOREFRONT_JWT_ISSUER", "https://storefront.test/auth",
                "STOREFRONT_JWT_AUDIENCE", "storefront-api",
                "STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(key),
                "STOREFRONT_CURRENCY", "USD"));
        try (DynamoDbClient dynamoDb = LocalAwsClients.dynamoDb(environment.dynamoDb().endpoint())) {
            DynamoDbProductRepository products =
                    new DynamoDbProductRepository(DynamoDbClientFactory.enhanced(dynamoDb), "ProductsTable");
            products.create(product("01JD3S00000000000000000001", "Brass Desk Lamp", "Lighting", 4_999, ProductStatus.ACTIVE));
            products.create(product("01JD3S00000000000000000002", "Walnut Floor Lamp", "Lighting", 12_999, ProductStatus.ACTIVE));
            products.create(product("01JD3S00000000000000000003", "Paper Pendant Lamp", "Lighting", 2_999, ProductStatus.ACTIVE));
            products.create(product("01JD3S00000000000000000004", "Lava Lamp", "Lighting", 1_999, ProductStatus.ARCHIVED));
            products.create(product("01JD3S00000000000000000005", "Cast Iron Skillet", "Kitchen", 3_999, ProductStatus.ACTIVE));
            products.create(product("01JD3S00000000000000000006", "Chef's Knife", "Kitchen", 6_999, ProductStatus.ACTIVE));
            products.create(product("01JD3S00000000000000000007", "The Silent Garden", "Books", 1_499, ProductStatus.ACTIVE));
        }
        handler = new SearchHandler();
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void searchProducts_shouldAnswerThePageOfActiveMatches_andTheNextPageByCursor() throws IOException {
        // when
        JsonNode response = invoke(raw("search-products.json"));

        // then: q=lamp in Lighting by price, two a page; the archived lava lamp is not searchable
        assertThat(response.get("statusCode").asInt()).as("%s", response).isEqualTo(200);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(response.get("headers").get("X-Request-Id").asText()).isEqualTo("VqL2AbCdIAMEbRs=");
        JsonNode page = body(response);
        assertThat(names(page)).containsExactly("Paper Pendant Lamp", "Brass Desk Lamp");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").get(0).get("price").get("amount").asLong()).isEqualTo(2_999);
        assertThat(page.get("items").get(0).get("price").get("currency").asText()).isEqualTo("USD");
        assertThat(page.get("facets").get("category").get(0).get("value").asText()).isEqualTo("Lighting");
        assertThat(page.get("nextCursor").isTextual()).isTrue();

        // when: the next page
        ObjectNode next = withQuery(raw("search-products.json"), Map.of("cursor", page.get("nextCursor").asText()));
        JsonNode second = body(invoke(next));

        // then
        assertThat(names(second)).containsExactly("Walnut Floor Lamp");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void searchProducts_shouldAnswerTheSameQuery_fromTheSharedAnswerCache() throws IOException {
        // given
        ObjectNode event = withQuery(raw("search-products.json"), Map.of("q", "skillet", "category", ""));
        JsonNode first = invoke(event);

        // when
        JsonNode second = invoke(event);

        // then
        assertThat(first.get("headers").get("X-Cache").asText()).isEqualTo("miss");
        assertThat(second.get("headers").get("X-Cache").asText()).isEqualTo("hit");
        assertThat(body(second)).isEqualTo(body(first));
        assertThat(names(body(second))).containsExactly("Cast Iron Skillet");
    }

    @Test
    void searchProducts_shouldAnswerProblemJson400_forBadParameters() throws IOException {
        // given: a limit out of range and an unknown parameter
        ObjectNode event = withQuery(raw("search-products.json"), Map.of("limit", "500", "colour", "red"));

        // when
        JsonNode response = invoke(event);

        // then
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).endsWith("validation");
        assertThat(problem.get("requestId").asText()).isEqualTo("VqL2AbCdIAMEbRs=");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("colour", "limit");
    }

    @Test
    void searchProducts_shouldAnswerProblemJson400_forACursorOfAnotherQuery() throws IOException {
        // given: the cursor of the sample query, sent with another query
        String cursor = body(invoke(raw("search-products.json"))).get("nextCursor").asText();
        ObjectNode event = withQuery(raw("search-products.json"), Map.of("q", "floor", "cursor", cursor));

        // when
        JsonNode response = invoke(event);

        // then
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/problem+json");
        assertThat(body(response).get("type").asText()).endsWith("invalid-cursor");
    }

    @Test
    void categories_shouldCountTheActiveProductsOfEachCategory() throws IOException {
        // when
        JsonNode response = invoke(raw("categories.json"));

        // then
        assertThat(response.get("statusCode").asInt()).as("%s", response).isEqualTo(200);
        assertThat(response.get("headers").get("X-Request-Id").asText()).isEqualTo("VqL2EfGhIAMEbTw=");
        assertThat(categories(body(response)))
                .containsEntry("Books", 1L)
                .containsEntry("Kitchen", 2L)
                .containsEntry("Lighting", 3L);
    }

    @Test
    void aPublishedChange_shouldBecomeSearchable_atTheNextSync() throws IOException {
        // given: the watering can is not in the table the index was built from
        ObjectNode search = withQuery(raw("search-products.json"), Map.of("q", "watering", "category", "Garden"));
        assertThat(body(invoke(search)).get("total").asLong()).isZero();

        // when: the indexer publishes the stream's INSERT of it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(EVENTS.resolve("products-stream.json"))) {
            new CatalogChangeHandler().handleRequest(in, out, null);
        }

        // then: with a sync interval of 0 the next search catches up (and is not answered from the cache)
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        JsonNode response = invoke(search);
        assertThat(response.get("headers").get("X-Cache").asText()).isEqualTo("miss");
        JsonNode page = body(response);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("productId").asText()).isEqualTo(STREAMED_ID);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("Heron Watering Can, 5 l");
        assertThat(page.get("items").get(0).get("image").asText()).isEqualTo("https://img.example/heron-can-05/front.jpg");
        assertThat(categories(body(invoke(raw("categories.json"))))).containsEntry("Garden", 1L);
    }

    @Test
    void cursorKey_shouldRefuseAKeyShorterThan32Bytes() {
        // given
        CursorConfiguration tooShort = new CursorConfiguration(null, "k".repeat(31));

        // when / then: refused at init, naming the variable but not the value
        assertThatThrownBy(() -> CursorKeys.load(tooShort, null))
                .isInstanceOf(Setting.InvalidSettingException.class)
                .hasMessageContaining("STOREFRONT_CURSOR_KEY")
                .hasMessageNotContaining("kkkk");
    }

    @Test
    void cursorKey_shouldAcceptAKeyOf32Bytes_countingBytesNotCharacters() {
        // given: 32 ASCII characters; 16 two-byte characters; 31 bytes of which one character is two
        CursorConfiguration ascii = new CursorConfiguration(null, "k".repeat(32));
        CursorConfiguration twoByte = new CursorConfiguration(null, "é".repeat(16));
        CursorConfiguration mixed = new CursorConfiguration(null, "é" + "k".repeat(29));

        // when / then
        assertThat(CursorKeys.load(ascii, null)).hasSize(32);
        assertThat(CursorKeys.load(twoByte, null)).hasSize(32);
        assertThatThrownBy(() -> CursorKeys.load(mixed, null))
                .isInstanceOf(Setting.InvalidSettingException.class);
    }

    private static Product product(String id, String name, String category, long amount, ProductStatus status) {
        return new Product(id, "SKU-" + id.substring(id.length() - 4), name, "A " + name.toLowerCase() + ".",
                category, "Storefront", Money.of(amount, "USD"), 10, 500, List.of("https://img.example/" + id + ".jpg"),
                Map.of(), status, CREATED, CREATED, 1);
    }

    private static ObjectNode raw(String name) throws IOException {
        return (ObjectNode) JSON.readTree(EVENTS.resolve(name).toFile());
    }

    /**
     * The event with these query parameters changed (an empty value removes one), kept consistent as API Gateway
     * sends it: {@code queryStringParameters} and {@code rawQueryString}.
     */
    private static ObjectNode withQuery(ObjectNode event, Map<String, String> changes) {
        Map<String, String> parameters = new LinkedHashMap<>();
        event.get("queryStringParameters").fields().forEachRemaining(f -> parameters.put(f.getKey(), f.getValue().asText()));
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                parameters.remove(name);
            } else {
                parameters.put(name, value);
            }
        });
        ObjectNode query = event.putObject("queryStringParameters");
        parameters.forEach(query::put);
        StringBuilder raw = new StringBuilder();
        parameters.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        event.put("rawQueryString", raw.toString());
        return event;
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").findValuesAsText("name");
    }

    private static Map<String, Long> categories(JsonNode body) {
        Map<String, Long> counts = new HashMap<>();
        body.get("items").forEach(item -> counts.put(item.get("category").asText(), item.get("count").asLong()));
        return counts;
    }

    private static JsonNode body(JsonNode response) throws IOException {
        return JSON.readTree(response.get("body").asText());
    }

    private static JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
