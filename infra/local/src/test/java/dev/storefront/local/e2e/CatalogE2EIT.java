package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.local.e2e.Http.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog function end to end, on the shop's shared stack (the real {@code catalog.zip} and
 * {@code accounts.zip}, the admin seeder), driven over HTTP with the seeded admin's token: creating, reading
 * (through the product cache), replacing, stocking and archiving products, and every bad product or missing
 * permission refused. The catalog without its cache is {@link CacheOutageE2EIT}.
 */
class CatalogE2EIT extends SharedStackE2E {

    private static Http http;

    @BeforeAll
    static void useItsHttp() {
        http = stack.http();
    }

    @Test
    void create_shouldAnswer201WithTheProduct_atVersionOne() {
        // given
        String sku = uniqueSku();

        // when
        Response response = create(productBody(sku));

        // then
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode product = response.json();
        assertThat(product.path("productId").asText()).matches("[A-Za-z0-9_-]+");
        assertThat(response.header("Location")).contains("/products/" + product.path("productId").asText());
        assertThat(response.header("ETag")).contains("\"1\"");
        assertThat(product.path("sku").asText()).isEqualTo(sku);
        assertThat(product.path("name").asText()).isEqualTo("Desk lamp");
        assertThat(product.path("price").path("amount").isIntegralNumber()).isTrue();
        assertThat(product.path("price").path("amount").asLong()).isEqualTo(1999);
        assertThat(product.path("price").path("currency").asText()).isEqualTo("USD");
        assertThat(product.path("stock").path("available").asInt()).isEqualTo(12);
        assertThat(product.path("weightGrams").asInt()).isEqualTo(850);
        assertThat(product.path("images").get(0).asText()).isEqualTo("https://img.example/lamp.jpg");
        assertThat(product.path("attributes").path("colour").asText()).isEqualTo("red");
        assertThat(product.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(product.path("version").asLong()).isEqualTo(1);
        assertThat(product.path("createdAt").asText()).matches(RFC_3339_UTC);
        assertThat(Instant.parse(product.path("updatedAt").asText()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(fieldNames(product)).containsExactlyInAnyOrder("productId", "sku", "name", "description", "category", "brand",
                "price", "stock", "weightGrams", "images", "attributes", "status", "createdAt", "updatedAt", "version");
    }

    @Test
    void create_shouldReplayTheFirstResponse_forTheSameIdempotencyKey() {
        ObjectNode body = productBody(uniqueSku());
        String key = UUID.randomUUID().toString();

        Response first = http.post("/admin/products", body, "Authorization", stack.admin(), "Idempotency-Key", key);
        Response again = http.post("/admin/products", body, "Authorization", stack.admin(), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.field("productId")).isEqualTo(first.field("productId"));
    }

    @Test
    void create_shouldAnswer409_forADuplicateSku() {
        String sku = uniqueSku();
        assertThat(create(productBody(sku)).status()).isEqualTo(201);

        Response duplicate = create(productBody(sku));

        JsonNode problem = assertProblem(duplicate, 409);
        assertThat(problem.path("type").asText()).endsWith("/sku-taken");
        assertThat(errorFields(problem)).containsExactly("sku");
    }

    @Test
    void get_shouldAnswer200ForAnyone_andServeRepeatedReadsFromTheCache() {
        // given
        String id = create(productBody(uniqueSku())).field("productId");

        // when
        Response first = http.get("/products/" + id);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("productId")).isEqualTo(id);
        assertThat(first.header("ETag")).contains("\"1\"");
        assertThat(stack.cached(id)).as("the first read put the product into Redis").isTrue();
        assertThat(http.get("/products/" + id).body()).isEqualTo(first.body());
    }

    @Test
    void get_shouldAnswer404_forAnUnknownOrMalformedId() {
        assertProblem(http.get("/products/01UNKNOWNPRODUCT0000000000"), 404);
        assertProblem(http.get("/products/" + "x".repeat(300)), 404);
        assertProblem(http.get("/products/%20"), 404);
    }

    @Test
    void replace_shouldIncrementTheVersion_andBeVisibleToGetImmediately() {
        // given: the product is in the cache
        String id = create(productBody(uniqueSku())).field("productId");
        assertThat(http.get("/products/" + id).status()).isEqualTo(200);
        assertThat(http.get("/products/" + id).status()).isEqualTo(200);

        // when
        ObjectNode changed = productBody(uniqueSku()).put("name", "Floor lamp");
        Response replaced = replace(id, changed, "1");

        // then
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().path("version").asLong()).isEqualTo(2);
        assertThat(replaced.header("ETag")).contains("\"2\"");
        JsonNode read = http.get("/products/" + id).json();
        assertThat(read.path("version").asLong()).isEqualTo(2);
        assertThat(read.path("name").asText()).isEqualTo("Floor lamp");
        assertThat(read.path("sku").asText()).isEqualTo(changed.path("sku").asText());
    }

    @Test
    void replace_shouldAnswer412_whenIfMatchNamesAnotherVersion_andChangeNothing() {
        String id = create(productBody(uniqueSku())).field("productId");

        Response stale = replace(id, productBody(uniqueSku()).put("name", "Stale"), "7");

        JsonNode problem = assertProblem(stale, 412);
        assertThat(problem.path("type").asText()).endsWith("/version-mismatch");
        assertThat(http.get("/products/" + id).json().path("name").asText()).isEqualTo("Desk lamp");
    }

    @Test
    void replace_shouldAcceptAQuotedEtag_asIfMatch() {
        String id = create(productBody(uniqueSku())).field("productId");

        assertThat(replace(id, productBody(uniqueSku()), "\"1\"").status()).isEqualTo(200);
    }

    @Test
    void replace_shouldAnswer400_whenIfMatchIsMissingOrNotAVersion() {
        String id = create(productBody(uniqueSku())).field("productId");

        JsonNode missing = assertProblem(http.put("/admin/products/" + id, productBody(uniqueSku()),
                "Authorization", stack.admin()), 400);
        JsonNode garbage = assertProblem(replace(id, productBody(uniqueSku()), "abc"), 400);
        assertProblem(replace(id, productBody(uniqueSku()), "99999999999999999999999"), 400);

        assertThat(missing.path("type").asText()).endsWith("/if-match-required");
        assertThat(garbage.path("type").asText()).endsWith("/invalid-if-match");
        assertThat(http.get("/products/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void replace_shouldAnswer409_whenTheNewSkuBelongsToAnotherProduct() {
        String taken = uniqueSku();
        create(productBody(taken));
        String id = create(productBody(uniqueSku())).field("productId");

        assertProblem(replace(id, productBody(taken), "1"), 409);
    }

    @Test
    void replace_shouldAnswer404_forAnUnknownProduct() {
        assertProblem(replace("01UNKNOWNPRODUCT0000000000", productBody(uniqueSku()), "1"), 404);
    }

    @Test
    void setStock_shouldChangeTheStock_andIncrementTheVersion() {
        String id = create(productBody(uniqueSku())).field("productId");
        http.get("/products/" + id);

        Response response = stack.setStock(id, 0);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("stock").path("available").asInt()).isZero();
        assertThat(response.json().path("version").asLong()).isEqualTo(2);
        assertThat(http.get("/products/" + id).json().path("stock").path("available").asInt()).isZero();
        assertProblem(stack.setStock("01UNKNOWNPRODUCT0000000000", 1), 404);
    }

    @Test
    void setStock_shouldAnswer400_forANonNumericOrOutOfRangeLevel() {
        String id = create(productBody(uniqueSku())).field("productId");

        for (Object level : List.of("5", -1, 1_000_001, 1.5, 99_999_999_999L)) {
            Response response = stack.setStock(id, level);
            assertThat(errorFields(assertProblem(response, 400))).as("%s", level).contains("available");
        }
        assertThat(http.get("/products/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void archive_shouldHideTheProduct_andAnswer404TheSecondTime() {
        // given: a cached product
        String id = create(productBody(uniqueSku())).field("productId");
        http.get("/products/" + id);

        // when
        Response archived = stack.archive(id);

        // then
        assertThat(archived.status()).isEqualTo(204);
        assertThat(archived.body()).isEmpty();
        assertProblem(http.get("/products/" + id), 404);
        assertProblem(stack.archive(id), 404);
        assertProblem(replace(id, productBody(uniqueSku()), "2"), 404);
    }

    @Test
    void adminRoutes_shouldAnswer401WithoutAToken_and403ForAShopper() {
        String id = create(productBody(uniqueSku())).field("productId");
        String shopper = "Bearer " + stack.tokens().valid("shopper-" + UUID.randomUUID());
        List<Function<String[], HttpRequest>> routes = List.of(
                headers -> http.jsonPost("/admin/products", productBody(uniqueSku()), headers),
                headers -> http.withBody("PUT", "/admin/products/" + id, Http.text(productBody(uniqueSku())),
                        Http.APPLICATION_JSON, headers).header("If-Match", "1").build(),
                headers -> http.withBody("PUT", "/admin/products/" + id + "/stock", Http.text(object("available", 1)),
                        Http.APPLICATION_JSON, headers).build(),
                headers -> http.request("/admin/products/" + id).headers(headers).DELETE().build());

        for (Function<String[], HttpRequest> route : routes) {
            Response anonymous = http.send(route.apply(new String[] {"Accept", "application/json"}));
            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertProblem(http.send(route.apply(new String[] {"Authorization", shopper})), 403);
        }
        JsonNode unchanged = http.get("/products/" + id).json();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProducts")
    void create_shouldAnswer400AndWriteNothing_whenTheProductIsBad(String label, Function<String, String> body,
            List<String> namedFields) {
        // given
        String sku = uniqueSku();

        // when
        Response response = http.send(http.withBody("POST", "/admin/products", body.apply(sku),
                Http.APPLICATION_JSON, "Authorization", stack.admin()).build());

        // then
        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).containsAll(namedFields);
        assertThat(create(productBody(sku)).status()).as("nothing was written for %s", sku).isEqualTo(201);
    }

    static Stream<Arguments> badProducts() {
        return Stream.of(
                bad("malformed JSON", List.of(), sku -> Http.text(productBody(sku)).replace("}", "")),
                bad("unknown field", List.of("colour"), sku -> Http.text(productBody(sku).put("colour", "red"))),
                bad("unknown nested field", List.of("price.cents"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", 1999, "currency", "USD", "cents", 1)))),
                bad("negative price", List.of("price.amount"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", -1, "currency", "USD")))),
                bad("price above the limit", List.of("price.amount"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", 100_000_001, "currency", "USD")))),
                bad("price beyond a long", List.of(), sku -> Http.text(productBody(sku)).replace("1999",
                        "123456789012345678901234567890")),
                bad("fractional price", List.of("price.amount"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", 19.99, "currency", "USD")))),
                bad("price as a string", List.of("price.amount"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", "1999", "currency", "USD")))),
                bad("wrong currency", List.of("price.currency"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", 1999, "currency", "EUR")))),
                bad("malformed currency", List.of("price.currency"), sku -> Http.text(
                        productBody(sku).set("price", object("amount", 1999, "currency", "usd")))),
                bad("non-numeric available", List.of("stock.available"), sku -> Http.text(
                        productBody(sku).set("stock", object("available", "many")))),
                bad("negative available", List.of("stock.available"), sku -> Http.text(
                        productBody(sku).set("stock", object("available", -3)))),
                bad("huge weight", List.of("weightGrams"), sku -> Http.text(productBody(sku).put("weightGrams",
                        5_000_000_000L))),
                bad("11 images", List.of("images"), sku -> Http.text(productBody(sku).set("images",
                        Http.JSON.valueToTree(Collections.nCopies(11, "https://img.example/a.jpg"))))),
                bad("http image", List.of("images[0]"), sku -> Http.text(productBody(sku).set("images",
                        Http.JSON.valueToTree(List.of("http://img.example/a.jpg"))))),
                bad("null image", List.of("images"), sku -> Http.text(productBody(sku)).replace(
                        "\"https://img.example/lamp.jpg\"", "null")),
                bad("bad sku", List.of("sku"), sku -> Http.text(productBody(sku).put("sku", "no spaces " + sku))),
                bad("empty name", List.of("name"), sku -> Http.text(productBody(sku).put("name", "  "))),
                bad("missing brand", List.of("brand"), sku -> {
                    ObjectNode body = productBody(sku);
                    body.remove("brand");
                    return Http.text(body);
                }),
                bad("missing stock", List.of("stock"), sku -> {
                    ObjectNode body = productBody(sku);
                    body.remove("stock");
                    return Http.text(body);
                }),
                bad("JSON array", List.of(), sku -> "[" + Http.text(productBody(sku)) + "]"),
                bad("empty body", List.of(), sku -> ""));
    }

    private static Arguments bad(String label, List<String> namedFields, Function<String, String> body) {
        return Arguments.of(label, body, namedFields);
    }

    private static Response create(Object body) {
        return stack.postProduct(body);
    }

    private static Response replace(String id, Object body, String ifMatch) {
        return http.put("/admin/products/" + id, body, "Authorization", stack.admin(), "If-Match", ifMatch);
    }

    private static ObjectNode productBody(String sku) {
        return object("sku", sku, "name", "Desk lamp", "description", "An adjustable desk lamp.",
                "category", "Lighting", "brand", "Lumen", "price", object("amount", 1999, "currency", "USD"),
                "stock", object("available", 12), "weightGrams", 850,
                "images", List.of("https://img.example/lamp.jpg"), "attributes", Map.of("colour", "red"));
    }

    private static String uniqueSku() {
        return "SKU-" + UUID.randomUUID();
    }
}
