package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.PricedLine;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.Quote;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.checkout.TaxRates;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cart and checkout functions end to end: one local stack from the project's {@code template.yaml} without
 * demo products; fixture products are created through the admin API, shoppers sign up and log in over HTTP.
 * Stock is read through {@code GET /products/{id}} where the test is about what shoppers see (its cache entry
 * is evicted from the products stream, so those reads poll), and straight from the products table where it
 * must prove that nothing was written.
 */
class CartCheckoutE2EIT {

    private static final String ADMIN_EMAIL = "cart-admin@storefront.test";
    private static final String ADMIN_PASSWORD = "admin password for cart e2e";
    private static final String PASSWORD = "correct horse battery";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String UNKNOWN_PRODUCT = "01UNKNOWNPRODUCT0000000000";
    private static final Duration STOCK_VISIBLE_WITHIN = Duration.ofSeconds(5);
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private static final Pricing PRICING = new Pricing(ShippingRates.defaults("USD"), new TaxRates());

    private static LocalStorefront storefront;
    private static Http http;
    private static AccessTokens tokens;
    private static String admin;
    private static Shopper badInputShopper;
    private static String badInputProduct;

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
        Response login = http.post("/auth/login", object("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as("admin login: %s", login).isEqualTo(200);
        admin = "Bearer " + login.field("accessToken");
    }

    @AfterAll
    static void stopStorefront() {
        if (storefront != null) {
            storefront.close();
        }
    }

    @Test
    void getCart_shouldAnswerAnEmptyCart_forANewShopper() {
        Shopper shopper = newShopper();

        Response response = cart(shopper);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode cart = response.json();
        assertThat(cart.path("items").isArray()).isTrue();
        assertThat(cart.path("items")).isEmpty();
        assertMoney(cart.path("subtotal"), 0);
        assertThat(cart.path("itemCount").asInt()).isZero();
        assertThat(fieldNames(cart)).containsExactlyInAnyOrder("items", "subtotal", "itemCount", "updatedAt");
    }

    @Test
    void addItem_shouldAddToTheExistingLine_andPriceEveryLineAtTheCatalogPrice() {
        // given
        Shopper shopper = newShopper();
        String lamp = createProduct(1250, 20, 400);
        String bulb = createProduct(999, 7, 100);
        assertThat(addItem(shopper, lamp, 2).status()).isEqualTo(200);

        // when
        Response again = addItem(shopper, lamp, 3);
        Response other = addItem(shopper, bulb, 1);

        // then
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(line(again.json(), lamp).path("quantity").asInt()).isEqualTo(5);
        assertThat(other.status()).as("%s", other).isEqualTo(200);
        JsonNode cart = other.json();
        assertThat(productIds(cart)).containsExactly(lamp, bulb);
        JsonNode lampLine = line(cart, lamp);
        assertThat(fieldNames(lampLine)).containsExactlyInAnyOrder("productId", "name", "unitPrice", "quantity",
                "lineTotal", "available");
        assertThat(lampLine.path("name").asText()).isEqualTo("Fixture product");
        assertMoney(lampLine.path("unitPrice"), 1250);
        assertMoney(lampLine.path("lineTotal"), 6250);
        assertThat(lampLine.path("available").asInt()).isEqualTo(20);
        assertThat(line(cart, bulb).path("available").asInt()).isEqualTo(7);
        assertMoney(cart.path("subtotal"), 6250 + 999);
        assertThat(cart.path("itemCount").asInt()).isEqualTo(6);
        assertThat(cart.path("updatedAt").asText()).matches(RFC_3339_UTC);
        assertThat(cart(shopper).json()).isEqualTo(cart);
    }

    @Test
    void setQuantity_shouldChangeTheLine_andZeroShouldRemoveIt() {
        Shopper shopper = newShopper();
        String kept = createProduct(500, 50, 100);
        String dropped = createProduct(700, 50, 100);
        addItem(shopper, kept, 1);
        addItem(shopper, dropped, 2);

        Response changed = setQuantity(shopper, kept, 7);
        Response removed = setQuantity(shopper, dropped, 0);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(line(changed.json(), kept).path("quantity").asInt()).isEqualTo(7);
        assertMoney(line(changed.json(), kept).path("lineTotal"), 3500);
        assertThat(removed.status()).as("%s", removed).isEqualTo(200);
        assertThat(productIds(removed.json())).containsExactly(kept);
        assertMoney(removed.json().path("subtotal"), 3500);
        assertThat(removed.json().path("itemCount").asInt()).isEqualTo(7);
        assertThat(productIds(cart(shopper).json())).containsExactly(kept);
    }

    @Test
    void removeItem_shouldDeleteTheLine_andAnswer404TheSecondTime() {
        Shopper shopper = newShopper();
        String kept = createProduct(500, 50, 100);
        String removed = createProduct(700, 50, 100);
        addItem(shopper, kept, 1);
        addItem(shopper, removed, 2);

        Response response = removeItem(shopper, removed);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(productIds(response.json())).containsExactly(kept);
        assertThat(response.json().path("itemCount").asInt()).isEqualTo(1);
        assertThat(assertProblem(removeItem(shopper, removed), 404).path("type").asText()).endsWith("/not-in-cart");
    }

    @Test
    void clearCart_shouldAnswer204_andLeaveAnEmptyCart() {
        Shopper shopper = newShopper();
        addItem(shopper, createProduct(500, 50, 100), 3);

        Response cleared = clearCart(shopper);

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(cleared.body()).isEmpty();
        assertThat(cart(shopper).json().path("items")).isEmpty();
        assertThat(cart(shopper).json().path("itemCount").asInt()).isZero();
        assertThat(clearCart(shopper).status()).as("clearing an empty cart").isEqualTo(204);
    }

    @Test
    void cart_shouldShowTheCatalogsCurrentPriceAndAvailability_afterTheProductChanged() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(1000, 12, 100);
        String archived = createProduct(300, 4, 100);
        addItem(shopper, product, 2);
        addItem(shopper, archived, 1);

        // when: the admin changes price and stock, and archives the other product
        Response replaced = replaceProduct(product, 1500, 12, "1");
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        Response stock = http.send(put("/admin/products/" + product + "/stock", object("available", 3), admin));
        assertThat(stock.status()).as("%s", stock).isEqualTo(200);
        assertThat(http.send(delete("/admin/products/" + archived, admin)).status()).isEqualTo(204);

        // then
        JsonNode cart = cart(shopper).json();
        assertMoney(line(cart, product).path("unitPrice"), 1500);
        assertMoney(line(cart, product).path("lineTotal"), 3000);
        assertThat(line(cart, product).path("available").asInt()).isEqualTo(3);
        assertThat(line(cart, archived).path("available").asInt()).as("an archived product is not available").isZero();
        assertMoney(cart.path("subtotal"), 3000); // the archived line is listed but cannot be bought
        assertThat(cart.path("itemCount").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAdditions")
    void addItem_shouldAnswerAProblem_andChangeNothing_whenTheRequestIsBad(Function<String, String> body,
            String contentType, int status, List<String> namedFields) {
        // given
        Shopper shopper = badInputShopper();
        assertThat(clearCart(shopper).status()).isEqualTo(204);

        // when
        Response response = http.send(withBody("POST", "/cart/items", body.apply(badInputProduct), contentType)
                .header("Authorization", shopper.authorization()).build());

        // then
        JsonNode problem = assertProblem(response, status);
        assertThat(errorFields(problem)).containsAll(namedFields);
        assertThat(cart(shopper).json().path("items")).as("nothing was added").isEmpty();
    }

    static Stream<Arguments> badAdditions() {
        String json = Http.APPLICATION_JSON;
        return Stream.of(
                bad("quantity 0", json, 400, List.of("quantity"), id -> addBody(id, 0)),
                bad("quantity 100", json, 400, List.of("quantity"), id -> addBody(id, 100)),
                bad("quantity -1", json, 400, List.of("quantity"), id -> addBody(id, -1)),
                bad("quantity as a string", json, 400, List.of("quantity"), id -> addBody(id, "2")),
                bad("fractional quantity", json, 400, List.of("quantity"), id -> addBody(id, 2.5)),
                bad("quantity beyond an int", json, 400, List.of("quantity"), id -> addBody(id, 5_000_000_000L)),
                bad("quantity beyond a long", json, 400, List.of("quantity"),
                        id -> "{\"productId\":\"" + id + "\",\"quantity\":" + "9".repeat(40) + "}"),
                bad("null quantity", json, 400, List.of("quantity"), id -> addBody(id, null)),
                bad("missing quantity", json, 400, List.of("quantity"), id -> Http.text(object("productId", id))),
                bad("missing productId", json, 400, List.of("productId"), id -> Http.text(object("quantity", 1))),
                bad("number for productId", json, 400, List.of("productId"),
                        id -> Http.text(object("productId", 12345, "quantity", 1))),
                bad("unknown field", json, 400, List.of("price"),
                        id -> Http.text(object("productId", id, "quantity", 1, "price", 1))),
                bad("malformed JSON", json, 400, List.of(), id -> addBody(id, 1).replace("}", "")),
                bad("JSON array", json, 400, List.of(), id -> "[" + addBody(id, 1) + "]"),
                bad("empty body", json, 400, List.of(), id -> ""),
                bad("Content-Type text/plain", "text/plain", 415, List.of(), id -> addBody(id, 1)),
                bad("no Content-Type", null, 415, List.of(), id -> addBody(id, 1)));
    }

    @Test
    void setQuantity_shouldAnswer400NamingTheQuantity_andKeepTheLine_whenTheQuantityIsBad() {
        Shopper shopper = newShopper();
        String product = createProduct(500, 50, 100);
        addItem(shopper, product, 4);

        for (Object quantity : Arrays.asList(-1, 100, "2", 2.5, 5_000_000_000L, null)) {
            Response response = setQuantity(shopper, product, quantity);
            assertThat(errorFields(assertProblem(response, 400))).as("quantity %s", quantity).contains("quantity");
        }
        Response unknownField = http.send(put("/cart/items/" + product, object("quantity", 1, "note", "x"),
                shopper.authorization()));
        assertThat(errorFields(assertProblem(unknownField, 400))).containsExactly("note");
        assertThat(line(cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void addItem_shouldAnswer400_whenALineWouldHoldMoreThan99() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(100, 500, 10);
        assertThat(addItem(shopper, product, 60).status()).isEqualTo(200);

        // when
        Response tooMany = addItem(shopper, product, 50);

        // then
        assertThat(errorFields(assertProblem(tooMany, 400))).containsExactly("quantity");
        assertThat(line(cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(60);
        Response upToTheLimit = addItem(shopper, product, 39);
        assertThat(upToTheLimit.status()).as("%s", upToTheLimit).isEqualTo(200);
        assertThat(line(upToTheLimit.json(), product).path("quantity").asInt()).isEqualTo(99);
        assertThat(errorFields(assertProblem(addItem(shopper, product, 1), 400))).containsExactly("quantity");
    }

    @Test
    void addItem_shouldAnswer400_forA51stDifferentProduct() {
        // given: a cart of 50 different products
        Shopper shopper = newShopper();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            products.add(createProduct(100 + i, 10, 10));
        }
        for (String product : products.subList(0, 50)) {
            Response added = addItem(shopper, product, 1);
            assertThat(added.status()).as("%s", added).isEqualTo(200);
        }

        // when
        Response oneMore = addItem(shopper, products.get(50), 1);

        // then
        assertThat(errorFields(assertProblem(oneMore, 400))).containsExactly("productId");
        JsonNode cart = cart(shopper).json();
        assertThat(productIds(cart)).containsExactlyElementsOf(products.subList(0, 50));
        Response toAnExistingLine = addItem(shopper, products.get(0), 1);
        assertThat(toAnExistingLine.status()).as("adding to a line of a full cart: %s", toAnExistingLine)
                .isEqualTo(200);
        assertThat(line(toAnExistingLine.json(), products.get(0)).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void addItem_shouldAnswer404_forAnUnknownOrArchivedProduct() {
        Shopper shopper = newShopper();
        String archived = createProduct(500, 5, 100);
        assertThat(http.send(delete("/admin/products/" + archived, admin)).status()).isEqualTo(204);

        JsonNode unknown = assertProblem(addItem(shopper, UNKNOWN_PRODUCT, 1), 404);
        assertProblem(addItem(shopper, archived, 1), 404);
        assertProblem(addItem(shopper, "not a product id!", 1), 404);

        assertThat(unknown.path("type").asText()).endsWith("/product-not-found");
        assertThat(cart(shopper).json().path("items")).isEmpty();
    }

    @Test
    void setQuantityAndRemove_shouldAnswer404_forAProductNotInTheCart() {
        Shopper shopper = newShopper();
        String inCart = createProduct(500, 5, 100);
        String notInCart = createProduct(600, 5, 100);
        addItem(shopper, inCart, 1);

        assertProblem(setQuantity(shopper, notInCart, 2), 404);
        assertProblem(removeItem(shopper, notInCart), 404);
        assertProblem(setQuantity(shopper, UNKNOWN_PRODUCT, 2), 404);
        assertProblem(removeItem(shopper, UNKNOWN_PRODUCT), 404);
        assertThat(productIds(cart(shopper).json())).containsExactly(inCart);
    }

    @Test
    void shopperRoutes_shouldAnswer401_withoutATokenOrWithATamperedOne() {
        Shopper shopper = newShopper();
        String product = createProduct(500, 5, 100);
        addItem(shopper, product, 1);
        String tampered = "Bearer " + AccessTokens.withPayloadChanged(shopper.authorization().substring(7));

        for (Function<String[], HttpRequest> route : shopperRoutes(product)) {
            Response anonymous = http.send(route.apply(new String[] {"Accept", "application/json"}));
            Response forged = http.send(route.apply(new String[] {"Authorization", tampered}));

            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertProblem(forged, 401);
            assertThat(forged.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(line(cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(1);
    }

    /**
     * {@code Access.role(SHOPPER)} admits exactly the tokens whose roles include {@code shopper}: the seeded admin
     * has both roles (a store's staff can shop), a token with the admin role alone gets 403.
     */
    @Test
    void shopperRoutes_shouldAdmitTheSeededAdmin_andAnswer403ToAnAdminOnlyToken() {
        String product = createProduct(500, 5, 100);
        String adminOnly = "Bearer " + tokens.signed("admin-only-" + UUID.randomUUID(),
                claims -> claims.claim("roles", List.of("admin")));

        Response asAdmin = http.get("/cart", "Authorization", admin);

        assertThat(asAdmin.status()).as("%s", asAdmin).isEqualTo(200);
        for (Function<String[], HttpRequest> route : shopperRoutes(product)) {
            assertProblem(http.send(route.apply(new String[] {"Authorization", adminOnly})), 403);
        }
    }

    @Test
    void addItem_shouldKeepEveryLine_whenTenTabsAddDifferentProductsAtOnce() throws Exception {
        // given
        Shopper shopper = newShopper();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            products.add(createProduct(100 * (i + 1), 10, 10));
        }

        // when
        List<Response> responses = concurrently(products.size(), i -> http.jsonPost("/cart/items",
                object("productId", products.get(i), "quantity", i + 1), "Authorization", shopper.authorization()));

        // then
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        JsonNode cart = cart(shopper).json();
        assertThat(productIds(cart)).containsExactlyInAnyOrderElementsOf(products);
        for (int i = 0; i < products.size(); i++) {
            assertThat(line(cart, products.get(i)).path("quantity").asInt()).isEqualTo(i + 1);
        }
        assertThat(cart.path("itemCount").asInt()).isEqualTo(55);
    }

    @Test
    void quote_shouldPriceSubtotalShippingAndTax_andOfferBothMethods() {
        // given: 2 x 12.50 (400 g) + 1 x 9.99 (700 g) = 34.99, 1500 g: three started 500 g steps
        Shopper shopper = newShopper();
        String lamp = createProduct(1250, 20, 400);
        String bulb = createProduct(999, 20, 700);
        addItem(shopper, lamp, 2);
        addItem(shopper, bulb, 1);

        // when
        Response standard = quote(shopper, checkoutBody("standard"));
        Response express = quote(shopper, checkoutBody("express"));
        Response toGermany = quote(shopper, checkoutBody(germanAddress(), "express"));

        // then: domestic standard 5.99 + 3 x 1.00; US tax 7.25 % of 43.98 = 3.18855 -> 3.19
        assertThat(standard.status()).as("%s", standard).isEqualTo(200);
        JsonNode quote = standard.json();
        assertMoney(quote.path("subtotal"), 3499);
        assertMoney(quote.path("shipping"), 899);
        assertMoney(quote.path("tax"), 319);
        assertMoney(quote.path("total"), 4717);
        assertThat(quote.path("shippingOptions")).hasSize(2);
        assertOption(quote.path("shippingOptions").get(0), "standard", 899, 5);
        assertOption(quote.path("shippingOptions").get(1), "express", 2499 + 3 * 300, 1);
        // express: 24.99 + 3 x 3.00 = 33.99; tax 7.25 % of 68.98 = 5.00105 -> 5.00
        assertMoney(express.json().path("shipping"), 3399);
        assertMoney(express.json().path("tax"), 500);
        assertMoney(express.json().path("total"), 3499 + 3399 + 500);
        assertThat(express.json().path("shippingOptions")).isEqualTo(quote.path("shippingOptions"));
        List<PricedLine> lines = List.of(new PricedLine(lamp, usd(1250), 2, 400), new PricedLine(bulb, usd(999), 1, 700));
        assertQuote(standard.json(), PRICING.quote(lines, usAddress(), ShippingMethod.STANDARD));
        assertQuote(express.json(), PRICING.quote(lines, usAddress(), ShippingMethod.EXPRESS));
        assertQuote(toGermany.json(), PRICING.quote(lines, germanAddressRecord(), ShippingMethod.EXPRESS));
        assertMoney(toGermany.json().path("shipping"), 4999 + 3 * 800);
    }

    @Test
    void quote_shouldMakeStandardShippingFree_fromASubtotalOf5000() {
        // given: 49.99 in the cart
        Shopper shopper = newShopper();
        addItem(shopper, createProduct(4999, 5, 100), 1);
        JsonNode below = quote(shopper, checkoutBody("standard")).json();

        // when: one cent more reaches the threshold
        addItem(shopper, createProduct(1, 5, 100), 1);
        JsonNode at = quote(shopper, checkoutBody("standard")).json();

        // then
        assertMoney(below.path("shipping"), 599 + 100);
        assertMoney(at.path("subtotal"), 5000);
        assertMoney(at.path("shipping"), 0);
        assertOption(at.path("shippingOptions").get(0), "standard", 0, 5);
        assertOption(at.path("shippingOptions").get(1), "express", 2499 + 300, 1);
        // 7.25 % of 50.00 = 3.625 -> 3.62 (half-even)
        assertMoney(at.path("tax"), 362);
        assertMoney(at.path("total"), 5362);
    }

    @Test
    void quote_shouldHaveNoSideEffects() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(2500, 8, 100);
        addItem(shopper, product, 3);
        JsonNode cartBefore = cart(shopper).json();
        Map<String, AttributeValue> stockBefore = storedProduct(product);

        // when
        Response quote = quote(shopper, checkoutBody("standard"));

        // then
        assertThat(quote.status()).as("%s", quote).isEqualTo(200);
        assertThat(cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(storedProduct(product).get("available")).isEqualTo(stockBefore.get("available"));
        assertThat(storedProduct(product).get("version")).isEqualTo(stockBefore.get("version"));
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    @Test
    void quoteAndCheckout_shouldAnswer400_forAnEmptyCart() {
        Shopper shopper = newShopper();

        JsonNode quote = assertProblem(quote(shopper, checkoutBody("standard")), 400);
        JsonNode checkout = assertProblem(checkout(shopper, checkoutBody("standard"), newKey()), 400);

        assertThat(quote.path("type").asText()).endsWith("/empty-cart");
        assertThat(checkout.path("type").asText()).endsWith("/empty-cart");
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShippingDetails")
    void quoteAndCheckout_shouldAnswer400NamingTheField_andReserveNothing_whenTheShippingDetailsAreBad(
            Function<ObjectNode, ObjectNode> change, String namedField) {
        // given
        Shopper shopper = badInputShopper();
        clearCart(shopper);
        addItem(shopper, badInputProduct, 2);
        JsonNode cartBefore = cart(shopper).json();
        AttributeValue stockBefore = storedProduct(badInputProduct).get("available");
        ObjectNode body = change.apply(checkoutBody("standard"));

        // when
        Response quote = quote(shopper, body);
        Response checkout = checkout(shopper, body, newKey());

        // then
        assertThat(errorFields(assertProblem(quote, 400))).contains(namedField);
        assertThat(errorFields(assertProblem(checkout, 400))).contains(namedField);
        assertThat(cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(storedProduct(badInputProduct).get("available")).isEqualTo(stockBefore);
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    static Stream<Arguments> badShippingDetails() {
        return Stream.of(
                badDetails("missing line1", "shippingAddress.line1", body -> {
                    ((ObjectNode) body.path("shippingAddress")).remove("line1");
                    return body;
                }),
                badDetails("country ZZ", "shippingAddress.country", body -> {
                    ((ObjectNode) body.path("shippingAddress")).put("country", "ZZ");
                    return body;
                }),
                badDetails("US postal code ABCDE", "shippingAddress.postalCode", body -> {
                    ((ObjectNode) body.path("shippingAddress")).put("postalCode", "ABCDE");
                    return body;
                }),
                badDetails("unknown address field", "shippingAddress.phone", body -> {
                    ((ObjectNode) body.path("shippingAddress")).put("phone", "555-0100");
                    return body;
                }),
                badDetails("missing shippingAddress", "shippingAddress", body -> {
                    body.remove("shippingAddress");
                    return body;
                }),
                badDetails("shipping method drone", "shippingMethod", body -> body.put("shippingMethod", "drone")),
                badDetails("missing shipping method", "shippingMethod", body -> {
                    body.remove("shippingMethod");
                    return body;
                }));
    }

    @Test
    void checkout_shouldAnswer400_withoutAnIdempotencyKey_andReserveNothing() {
        Shopper shopper = newShopper();
        String product = createProduct(1000, 6, 100);
        addItem(shopper, product, 2);

        Response response = http.post("/checkout", checkoutBody("standard"), "Authorization", shopper.authorization());

        assertThat(assertProblem(response, 400).path("type").asText()).endsWith("/idempotency-key-required");
        assertThat(line(cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(2);
        assertThat(storedStock(product)).isEqualTo(6);
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    @Test
    void checkout_shouldPlaceAPendingOrderAtTheQuotedTotals_emptyTheCart_andReserveTheStock() {
        // given: both products are in the product cache
        Shopper shopper = newShopper();
        String lamp = createProduct(1250, 20, 400);
        String bulb = createProduct(999, 5, 700);
        assertThat(publicStock(lamp)).isEqualTo(20);
        assertThat(publicStock(bulb)).isEqualTo(5);
        addItem(shopper, lamp, 2);
        addItem(shopper, bulb, 1);
        JsonNode quote = quote(shopper, checkoutBody("standard")).json();

        // when
        Response response = checkout(shopper, checkoutBody("standard"), newKey());

        // then: the order
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        JsonNode order = response.json();
        String orderId = order.path("orderId").asText();
        assertThat(orderId).matches("[A-Za-z0-9_-]+");
        assertThat(response.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/orders/" + orderId));
        assertThat(fieldNames(order)).containsExactlyInAnyOrder("orderId", "status", "items", "subtotal", "shipping",
                "tax", "total", "shippingAddress", "shippingMethod", "payment", "shipment", "createdAt", "updatedAt",
                "expiresAt");
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("items")).hasSize(2);
        JsonNode lampLine = order.path("items").get(0);
        assertThat(lampLine.path("productId").asText()).isEqualTo(lamp);
        assertThat(lampLine.path("sku").asText()).startsWith("SKU-");
        assertThat(lampLine.path("name").asText()).isEqualTo("Fixture product");
        assertMoney(lampLine.path("unitPrice"), 1250);
        assertThat(lampLine.path("quantity").asInt()).isEqualTo(2);
        assertMoney(lampLine.path("lineTotal"), 2500);
        assertThat(order.path("items").get(1).path("productId").asText()).isEqualTo(bulb);
        for (String total : List.of("subtotal", "shipping", "tax", "total")) {
            assertThat(order.path(total)).as(total).isEqualTo(quote.path(total));
        }
        assertThat(order.path("shippingAddress")).isEqualTo(checkoutBody("standard").path("shippingAddress"));
        assertThat(order.path("shippingMethod").asText()).isEqualTo("standard");
        assertThat(order.path("payment").isNull()).isTrue();
        assertThat(order.path("shipment").isNull()).isTrue();
        Instant createdAt = Instant.parse(order.path("createdAt").asText());
        Instant expiresAt = Instant.parse(order.path("expiresAt").asText());
        assertThat(createdAt).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(order.path("updatedAt").asText()).matches(RFC_3339_UTC);
        assertThat(order.path("expiresAt").asText()).matches(RFC_3339_UTC);
        assertThat(Duration.between(createdAt, expiresAt)).isBetween(Duration.ofSeconds(899), Duration.ofSeconds(900));
        assertThat(http.get("/orders/" + orderId, "Authorization", shopper.authorization()).json()).isEqualTo(order);

        // and: the cart is empty, the stock reserved
        assertThat(cart(shopper).json().path("items")).isEmpty();
        assertThat(awaitPublicStock(lamp, 18)).isEqualTo(18);
        assertThat(awaitPublicStock(bulb, 4)).isEqualTo(4);
    }

    @Test
    void checkout_shouldReplayTheFirstResponse_forTheSameKeyAndBody_andAnswer422ForAnotherBody() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(1000, 10, 100);
        addItem(shopper, product, 3);
        String key = newKey();
        Response first = checkout(shopper, checkoutBody("standard"), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        // when
        Response again = checkout(shopper, checkoutBody("standard"), key);
        Response otherBody = checkout(shopper, checkoutBody("express"), key);

        // then
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(assertProblem(otherBody, 422).path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(orderIds(orders(shopper, "").json())).containsExactly(first.json().path("orderId").asText());
        assertThat(storedStock(product)).as("reserved once").isEqualTo(7);
    }

    @Test
    void order_shouldKeepItsFrozenPrices_whenTheCatalogPriceChangesAfterCheckout() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(1000, 10, 100);
        addItem(shopper, product, 2);
        JsonNode placed = checkout(shopper, checkoutBody("standard"), newKey()).json();

        // when
        Map<String, AttributeValue> stored = storedProduct(product);
        Response replaced = replaceProduct(product, 4000, Integer.parseInt(stored.get("available").n()),
                stored.get("version").n());
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);

        // then
        JsonNode read = http.get("/orders/" + placed.path("orderId").asText(), "Authorization",
                shopper.authorization()).json();
        assertMoney(read.path("items").get(0).path("unitPrice"), 1000);
        assertThat(read.path("subtotal")).isEqualTo(placed.path("subtotal"));
        assertThat(read.path("total")).isEqualTo(placed.path("total"));
        assertThat(orders(shopper, "").json().path("items").get(0).path("total")).isEqualTo(placed.path("total"));
    }

    @Test
    void checkout_shouldAnswer409NamingEveryShortLine_andReserveNothing() {
        // given: two lines short, one fine
        Shopper shopper = newShopper();
        String shortByOne = createProduct(1000, 1, 100);
        String shortByTwo = createProduct(2000, 2, 100);
        String plenty = createProduct(3000, 10, 100);
        addItem(shopper, plenty, 1);
        addItem(shopper, shortByOne, 2);
        addItem(shopper, shortByTwo, 4);
        JsonNode cartBefore = cart(shopper).json();

        // when
        Response response = checkout(shopper, checkoutBody("standard"), newKey());

        // then
        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("items[" + shortByOne + "]",
                "items[" + shortByTwo + "]");
        assertThat(storedStock(shortByOne)).isEqualTo(1);
        assertThat(storedStock(shortByTwo)).isEqualTo(2);
        assertThat(storedStock(plenty)).isEqualTo(10);
        assertThat(cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    @Test
    void checkout_shouldAnswer409NamingTheProduct_whenAProductInTheCartWasArchived() {
        Shopper shopper = newShopper();
        String active = createProduct(1000, 10, 100);
        String archived = createProduct(2000, 10, 100);
        addItem(shopper, active, 1);
        addItem(shopper, archived, 1);
        assertThat(http.send(delete("/admin/products/" + archived, admin)).status()).isEqualTo(204);

        Response response = checkout(shopper, checkoutBody("standard"), newKey());

        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
        assertThat(errorFields(problem)).containsExactly("items[" + archived + "]");
        assertThat(storedStock(active)).isEqualTo(10);
        assertThat(productIds(cart(shopper).json())).containsExactly(active, archived);
        assertThat(orders(shopper, "").json().path("items")).isEmpty();
    }

    @Test
    void listOrders_shouldAnswerNewestFirst_andPagesShouldHoldEveryOrderOnce() {
        // given: five orders placed one after the other
        Shopper shopper = newShopper();
        String product = createProduct(1000, 50, 100);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrder(shopper, product, 1).path("orderId").asText());
        }
        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);

        // when
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            JsonNode body = orders(shopper, "limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor))).json();
            assertThat(body.path("items").size()).isLessThanOrEqualTo(2);
            paged.addAll(orderIds(body));
            cursor = body.path("nextCursor").isNull() ? null : body.path("nextCursor").asText();
            if (cursor == null) {
                break;
            }
        }

        // then
        assertThat(cursor).as("the last page has no next cursor").isNull();
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        JsonNode all = orders(shopper, "").json();
        assertThat(orderIds(all)).containsExactlyElementsOf(newestFirst);
        assertThat(all.path("nextCursor").isNull()).isTrue();
        assertThat(all.path("items").get(0).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void listOrders_shouldAnswer400_forABadLimitOrCursor() {
        // given: a shopper with two orders, so that a first page of one has a cursor
        Shopper shopper = newShopper();
        Shopper other = newShopper();
        String product = createProduct(1000, 50, 100);
        placeOrder(shopper, product, 1);
        placeOrder(shopper, product, 1);
        String cursor = orders(shopper, "limit=1").json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        // then
        for (String limit : List.of("0", "101", "abc", "-1", "1.5", "")) {
            assertThat(errorFields(assertProblem(orders(shopper, "limit=" + limit), 400))).as("limit=%s", limit)
                    .containsExactly("limit");
        }
        for (String bad : List.of(tampered, "abc", cursor + "x")) {
            JsonNode problem = assertProblem(orders(shopper, "cursor=" + encode(bad)), 400);
            assertThat(problem.path("type").asText()).endsWith("/invalid-cursor");
            assertThat(errorFields(problem)).containsExactly("cursor");
        }
        assertThat(assertProblem(orders(other, "cursor=" + encode(cursor)), 400).path("type").asText())
                .as("another shopper's cursor").endsWith("/invalid-cursor");
        assertThat(orders(shopper, "limit=1&cursor=" + encode(cursor)).status()).isEqualTo(200);
    }

    @Test
    void getOrder_shouldAnswer404_forAnotherShoppersOrAnUnknownOrder() {
        Shopper owner = newShopper();
        Shopper other = newShopper();
        String orderId = placeOrder(owner, createProduct(1000, 5, 100), 1).path("orderId").asText();

        JsonNode foreign = assertProblem(http.get("/orders/" + orderId, "Authorization", other.authorization()), 404);
        JsonNode unknown = assertProblem(http.get("/orders/01UNKNOWNORDER000000000000", "Authorization",
                owner.authorization()), 404);

        assertThat(foreign.path("type").asText()).isEqualTo(unknown.path("type").asText());
        assertThat(foreign.path("detail").asText()).isEqualTo(unknown.path("detail").asText());
        assertThat(orderIds(orders(other, "").json())).isEmpty();
    }

    @Test
    void cancel_shouldCancelThePendingOrder_returnTheStock_andAnswer409TheSecondTime() {
        // given
        Shopper shopper = newShopper();
        String product = createProduct(1000, 10, 100);
        String orderId = placeOrder(shopper, product, 3).path("orderId").asText();
        assertThat(awaitPublicStock(product, 7)).isEqualTo(7);

        // when
        Response cancelled = cancel(shopper, orderId);

        // then
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(awaitPublicStock(product, 10)).isEqualTo(10);
        assertThat(http.get("/orders/" + orderId, "Authorization", shopper.authorization()).json().path("status")
                .asText()).isEqualTo("CANCELLED");
        JsonNode again = assertProblem(cancel(shopper, orderId), 409);
        assertThat(again.path("type").asText()).endsWith("/order-not-cancellable");
        assertThat(storedStock(product)).as("stock returned once").isEqualTo(10);
    }

    @Test
    void cancel_shouldAnswer404_forAnotherShoppersOrAnUnknownOrder() {
        Shopper owner = newShopper();
        Shopper other = newShopper();
        String product = createProduct(1000, 10, 100);
        String orderId = placeOrder(owner, product, 2).path("orderId").asText();

        assertProblem(cancel(other, orderId), 404);
        assertProblem(cancel(owner, "01UNKNOWNORDER000000000000"), 404);

        assertThat(http.get("/orders/" + orderId, "Authorization", owner.authorization()).json().path("status")
                .asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(storedStock(product)).isEqualTo(8);
    }

    /** A signed-up shopper, by the {@code Authorization} header of its login. */
    private record Shopper(String authorization) {
    }

    private static Shopper newShopper() {
        String email = "shopper-" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        Response signup = http.post("/auth/signup", object("email", email, "password", PASSWORD, "name", "Shopper"));
        assertThat(signup.status()).as("signup: %s", signup).isEqualTo(201);
        Response login = http.post("/auth/login", object("email", email, "password", PASSWORD));
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        return new Shopper("Bearer " + login.field("accessToken"));
    }

    /** One shopper and product for the bad-input tests, whose carts are emptied before each case. */
    private static synchronized Shopper badInputShopper() {
        if (badInputShopper == null) {
            badInputShopper = newShopper();
            badInputProduct = createProduct(1500, 1000, 100);
        }
        return badInputShopper;
    }

    private static String createProduct(long price, int available, int weightGrams) {
        Response created = http.post("/admin/products", productBody("SKU-" + UUID.randomUUID(), price, available,
                weightGrams), "Authorization", admin);
        assertThat(created.status()).as("create product: %s", created).isEqualTo(201);
        return created.field("productId");
    }

    private static Response replaceProduct(String productId, long price, int available, String version) {
        ObjectNode body = productBody(storedProduct(productId).get("sku").s(), price, available, 100);
        return http.send(jsonPut("/admin/products/" + productId, body).header("Authorization", admin)
                .header("If-Match", version).build());
    }

    private static ObjectNode productBody(String sku, long price, int available, int weightGrams) {
        return object("sku", sku, "name", "Fixture product", "description", "A product of the cart tests.",
                "category", "Fixtures", "brand", "Storefront", "price", object("amount", price, "currency", "USD"),
                "stock", object("available", available), "weightGrams", weightGrams);
    }

    private static String addBody(String productId, Object quantity) {
        return Http.text(object("productId", productId, "quantity", quantity));
    }

    private static Response addItem(Shopper shopper, String productId, Object quantity) {
        return http.post("/cart/items", object("productId", productId, "quantity", quantity),
                "Authorization", shopper.authorization());
    }

    private static Response setQuantity(Shopper shopper, String productId, Object quantity) {
        return http.send(put("/cart/items/" + productId, object("quantity", quantity), shopper.authorization()));
    }

    private static Response removeItem(Shopper shopper, String productId) {
        return http.send(delete("/cart/items/" + productId, shopper.authorization()));
    }

    private static Response clearCart(Shopper shopper) {
        return http.send(delete("/cart", shopper.authorization()));
    }

    private static Response cart(Shopper shopper) {
        return http.get("/cart", "Authorization", shopper.authorization());
    }

    private static Response quote(Shopper shopper, ObjectNode body) {
        return http.post("/checkout/quote", body, "Authorization", shopper.authorization());
    }

    private static Response checkout(Shopper shopper, ObjectNode body, String idempotencyKey) {
        return http.post("/checkout", body, "Authorization", shopper.authorization(), "Idempotency-Key", idempotencyKey);
    }

    /** Puts {@code quantity} of {@code productId} in the cart and checks out; returns the order. */
    private static JsonNode placeOrder(Shopper shopper, String productId, int quantity) {
        assertThat(addItem(shopper, productId, quantity).status()).isEqualTo(200);
        Response placed = checkout(shopper, checkoutBody("standard"), newKey());
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json();
    }

    private static Response cancel(Shopper shopper, String orderId) {
        return http.send(http.request("/orders/" + orderId + "/cancel").header("Authorization", shopper.authorization())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Response orders(Shopper shopper, String query) {
        return http.get("/orders" + (query.isEmpty() ? "" : "?" + query), "Authorization", shopper.authorization());
    }

    private static List<String> orderIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }

    /** Every route of role shopper, with the given headers. */
    private static List<Function<String[], HttpRequest>> shopperRoutes(String productId) {
        return List.of(
                headers -> http.request("/cart").headers(headers).GET().build(),
                headers -> http.jsonPost("/cart/items", object("productId", productId, "quantity", 1), headers),
                headers -> jsonPut("/cart/items/" + productId, object("quantity", 2)).headers(headers).build(),
                headers -> http.request("/cart/items/" + productId).headers(headers).DELETE().build(),
                headers -> http.request("/cart").headers(headers).DELETE().build(),
                headers -> http.jsonPost("/checkout/quote", checkoutBody("standard"), headers),
                headers -> http.jsonPost("/checkout", checkoutBody("standard"), append(headers, "Idempotency-Key",
                        newKey())),
                headers -> http.request("/orders").headers(headers).GET().build(),
                headers -> http.request("/orders/01UNKNOWNORDER000000000000").headers(headers).GET().build(),
                headers -> http.request("/orders/01UNKNOWNORDER000000000000/cancel").headers(headers)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String[] append(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    private static ObjectNode checkoutBody(String method) {
        return checkoutBody(object("name", "Ada Lovelace", "line1", "12 Main Street", "line2", null,
                "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US"), method);
    }

    private static ObjectNode checkoutBody(ObjectNode address, String method) {
        return object("shippingAddress", address, "shippingMethod", method);
    }

    private static ShippingAddress usAddress() {
        return new ShippingAddress("Ada Lovelace", "12 Main Street", null, "Springfield", "IL", "62701", "US");
    }

    private static ObjectNode germanAddress() {
        return object("name", "Ada Lovelace", "line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117",
                "country", "DE");
    }

    private static ShippingAddress germanAddressRecord() {
        return new ShippingAddress("Ada Lovelace", "Unter den Linden 1", null, "Berlin", null, "10117", "DE");
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }

    private static void assertQuote(JsonNode actual, Quote expected) {
        assertMoney(actual.path("subtotal"), expected.subtotal().amount());
        assertMoney(actual.path("shipping"), expected.shipping().amount());
        assertMoney(actual.path("tax"), expected.tax().amount());
        assertMoney(actual.path("total"), expected.total().amount());
        assertThat(actual.path("total").path("amount").asLong()).isEqualTo(actual.path("subtotal").path("amount")
                .asLong() + actual.path("shipping").path("amount").asLong() + actual.path("tax").path("amount").asLong());
        for (int i = 0; i < expected.shippingOptions().size(); i++) {
            var option = expected.shippingOptions().get(i);
            assertOption(actual.path("shippingOptions").get(i), option.method().wireName(), option.amount().amount(),
                    option.estimatedDays());
        }
    }

    private static void assertOption(JsonNode option, String method, long amount, int estimatedDays) {
        assertThat(option.path("method").asText()).isEqualTo(method);
        assertMoney(option.path("amount"), amount);
        assertThat(option.path("estimatedDays").asInt()).isEqualTo(estimatedDays);
    }

    private static void assertMoney(JsonNode money, long amount) {
        assertThat(money.path("amount").isIntegralNumber()).as("integer minor units: %s", money).isTrue();
        assertThat(money.path("amount").asLong()).as("%s", money).isEqualTo(amount);
        assertThat(money.path("currency").asText()).isEqualTo("USD");
    }

    private static JsonNode line(JsonNode cart, String productId) {
        for (JsonNode item : cart.path("items")) {
            if (item.path("productId").asText().equals(productId)) {
                return item;
            }
        }
        throw new AssertionError("no line of " + productId + " in " + cart);
    }

    private static List<String> productIds(JsonNode cart) {
        List<String> ids = new ArrayList<>();
        cart.path("items").forEach(item -> ids.add(item.path("productId").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Stock as shoppers see it (possibly from the product cache). */
    private static int publicStock(String productId) {
        Response product = http.get("/products/" + productId);
        assertThat(product.status()).as("%s", product).isEqualTo(200);
        return product.json().path("stock").path("available").asInt();
    }

    /**
     * Polls {@code GET /products/{id}} until it shows {@code expected} units or {@link #STOCK_VISIBLE_WITHIN}
     * has passed (the cached entry is evicted from the products stream); returns the last level read.
     */
    private static int awaitPublicStock(String productId, int expected) {
        long deadline = System.nanoTime() + STOCK_VISIBLE_WITHIN.toNanos();
        int available = publicStock(productId);
        while (available != expected && System.nanoTime() - deadline < 0) {
            pause(Duration.ofMillis(100));
            available = publicStock(productId);
        }
        return available;
    }

    /** The product item as stored, bypassing the catalog function and its cache. */
    private static Map<String, AttributeValue> storedProduct(String productId) {
        return storefront.dynamoDb().getItem(request -> request.tableName(storefront.tableNames().get("ProductsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("PRODUCT#" + productId)))).item();
    }

    private static int storedStock(String productId) {
        return Integer.parseInt(storedProduct(productId).get("available").n());
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest put(String path, Object body, String authorization) {
        return jsonPut(path, body).header("Authorization", authorization).build();
    }

    private static HttpRequest.Builder jsonPut(String path, Object body) {
        return withBody("PUT", path, Http.text(body), Http.APPLICATION_JSON);
    }

    private static HttpRequest delete(String path, String authorization) {
        return http.request(path).header("Authorization", authorization).DELETE().build();
    }

    private static HttpRequest.Builder withBody(String method, String path, String body, String contentType) {
        HttpRequest.Builder builder = http.request(path)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Checks the RFC 9457 shape of an error and that its request id is the response's; returns the body. */
    private static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).as("type of %s", response).isNotBlank();
        assertThat(problem.path("title").asText()).as("title of %s", response).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", response).isNotBlank();
        assertThat(problem.path("instance").asText()).as("instance of %s", response).startsWith("/");
        assertThat(problem.path("requestId").asText()).isEqualTo(response.requestId());
        return problem;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static Arguments bad(String label, String contentType, int status, List<String> namedFields,
            Function<String, String> body) {
        return Arguments.of(named(label, body), contentType, status, namedFields);
    }

    private static Arguments badDetails(String label, String namedField, Function<ObjectNode, ObjectNode> change) {
        return Arguments.of(named(label, change), namedField);
    }
}
