package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.assertMoney;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.checkoutBody;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.line;
import static dev.storefront.local.e2e.Shop.orderIds;
import static dev.storefront.local.e2e.Shop.productIds;
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
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.local.e2e.Shop.ShopperWithProduct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The checkout function end to end, on the shop's shared stack: quotes priced as the domain's {@link Pricing}
 * prices them, checkout placing a pending order at the quoted totals and reserving its stock once per
 * idempotency key, and every bad shipping detail or short line refused with nothing reserved. Stock is read
 * through {@code GET /products/{id}} where the test is about what shoppers see (its cache entry is evicted from
 * the products stream, so those reads poll), and straight from the products table where it must prove that
 * nothing was written.
 */
class CheckoutE2EIT extends SharedStackE2E {

    private static final Pricing PRICING = new Pricing(ShippingRates.defaults("USD"), new TaxRates());

    /** For the bad-input cases, which empty its cart before each case. */
    private static ShopperWithProduct badInput;

    @BeforeAll
    static void makeTheBadInputShopper() {
        badInput = stack.newShopperWithProduct();
    }

    @Test
    void quote_shouldPriceSubtotalShippingAndTax_andOfferBothMethods() {
        // given: 2 x 12.50 (400 g) + 1 x 9.99 (700 g) = 34.99, 1500 g: three started 500 g steps
        Shopper shopper = stack.newShopper();
        String lamp = stack.createProduct(1250, 20, 400);
        String bulb = stack.createProduct(999, 20, 700);
        stack.addItem(shopper, lamp, 2);
        stack.addItem(shopper, bulb, 1);

        // when
        Response standard = stack.quote(shopper, checkoutBody("standard"));
        Response express = stack.quote(shopper, checkoutBody("express"));
        Response toGermany = stack.quote(shopper, checkoutBody(germanAddress(), "express"));

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
        Shopper shopper = stack.newShopper();
        stack.addItem(shopper, stack.createProduct(4999, 5, 100), 1);
        JsonNode below = stack.quote(shopper, checkoutBody("standard")).json();

        // when: one cent more reaches the threshold
        stack.addItem(shopper, stack.createProduct(1, 5, 100), 1);
        JsonNode at = stack.quote(shopper, checkoutBody("standard")).json();

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
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(2500, 8, 100);
        stack.addItem(shopper, product, 3);
        JsonNode cartBefore = stack.cart(shopper).json();
        Map<String, AttributeValue> stockBefore = stack.storedProduct(product);

        // when
        Response quote = stack.quote(shopper, checkoutBody("standard"));

        // then
        assertThat(quote.status()).as("%s", quote).isEqualTo(200);
        assertThat(stack.cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(stack.storedProduct(product).get("available")).isEqualTo(stockBefore.get("available"));
        assertThat(stack.storedProduct(product).get("version")).isEqualTo(stockBefore.get("version"));
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
    }

    @Test
    void quoteAndCheckout_shouldAnswer400_forAnEmptyCart() {
        Shopper shopper = stack.newShopper();

        JsonNode quote = assertProblem(stack.quote(shopper, checkoutBody("standard")), 400);
        JsonNode checkout = assertProblem(stack.checkout(shopper, checkoutBody("standard"), key()), 400);

        assertThat(quote.path("type").asText()).endsWith("/empty-cart");
        assertThat(checkout.path("type").asText()).endsWith("/empty-cart");
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShippingDetails")
    void quoteAndCheckout_shouldAnswer400NamingTheField_andReserveNothing_whenTheShippingDetailsAreBad(
            Function<ObjectNode, ObjectNode> change, String namedField) {
        // given
        Shopper shopper = badInput.shopper();
        stack.clearCart(shopper);
        stack.addItem(shopper, badInput.productId(), 2);
        JsonNode cartBefore = stack.cart(shopper).json();
        AttributeValue stockBefore = stack.storedProduct(badInput.productId()).get("available");
        ObjectNode body = change.apply(checkoutBody("standard"));

        // when
        Response quote = stack.quote(shopper, body);
        Response checkout = stack.checkout(shopper, body, key());

        // then
        assertThat(errorFields(assertProblem(quote, 400))).contains(namedField);
        assertThat(errorFields(assertProblem(checkout, 400))).contains(namedField);
        assertThat(stack.cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(stack.storedProduct(badInput.productId()).get("available")).isEqualTo(stockBefore);
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
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
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 6, 100);
        stack.addItem(shopper, product, 2);

        Response response = stack.http().post("/checkout", checkoutBody("standard"), "Authorization",
                shopper.authorization());

        assertThat(assertProblem(response, 400).path("type").asText()).endsWith("/idempotency-key-required");
        assertThat(line(stack.cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(2);
        assertThat(stack.storedStock(product)).isEqualTo(6);
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
    }

    @Test
    void checkout_shouldPlaceAPendingOrderAtTheQuotedTotals_emptyTheCart_andReserveTheStock() {
        // given: both products are in the product cache
        Shopper shopper = stack.newShopper();
        String lamp = stack.createProduct(1250, 20, 400);
        String bulb = stack.createProduct(999, 5, 700);
        assertThat(stack.publicStock(lamp)).isEqualTo(20);
        assertThat(stack.publicStock(bulb)).isEqualTo(5);
        stack.addItem(shopper, lamp, 2);
        stack.addItem(shopper, bulb, 1);
        JsonNode quote = stack.quote(shopper, checkoutBody("standard")).json();

        // when
        Response response = stack.checkout(shopper, checkoutBody("standard"), key());

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
        assertThat(stack.getOrder(shopper, orderId).json()).isEqualTo(order);

        // and: the cart is empty, the stock reserved
        assertThat(stack.cart(shopper).json().path("items")).isEmpty();
        assertThat(stack.awaitPublicStock(lamp, 18)).isEqualTo(18);
        assertThat(stack.awaitPublicStock(bulb, 4)).isEqualTo(4);
    }

    @Test
    void checkout_shouldReplayTheFirstResponse_forTheSameKeyAndBody_andAnswer422ForAnotherBody() {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 10, 100);
        stack.addItem(shopper, product, 3);
        String key = key();
        Response first = stack.checkout(shopper, checkoutBody("standard"), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        // when
        Response again = stack.checkout(shopper, checkoutBody("standard"), key);
        Response otherBody = stack.checkout(shopper, checkoutBody("express"), key);

        // then
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(assertProblem(otherBody, 422).path("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(orderIds(stack.orders(shopper).json())).containsExactly(first.json().path("orderId").asText());
        assertThat(stack.storedStock(product)).as("reserved once").isEqualTo(7);
    }

    @Test
    void checkout_shouldAnswer409NamingEveryShortLine_andReserveNothing() {
        // given: two lines short, one fine
        Shopper shopper = stack.newShopper();
        String shortByOne = stack.createProduct(1000, 1, 100);
        String shortByTwo = stack.createProduct(2000, 2, 100);
        String plenty = stack.createProduct(3000, 10, 100);
        stack.addItem(shopper, plenty, 1);
        stack.addItem(shopper, shortByOne, 2);
        stack.addItem(shopper, shortByTwo, 4);
        JsonNode cartBefore = stack.cart(shopper).json();

        // when
        Response response = stack.checkout(shopper, checkoutBody("standard"), key());

        // then
        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("items[" + shortByOne + "]",
                "items[" + shortByTwo + "]");
        assertThat(stack.storedStock(shortByOne)).isEqualTo(1);
        assertThat(stack.storedStock(shortByTwo)).isEqualTo(2);
        assertThat(stack.storedStock(plenty)).isEqualTo(10);
        assertThat(stack.cart(shopper).json()).isEqualTo(cartBefore);
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
    }

    @Test
    void checkout_shouldAnswer409NamingTheProduct_whenAProductInTheCartWasArchived() {
        Shopper shopper = stack.newShopper();
        String active = stack.createProduct(1000, 10, 100);
        String archived = stack.createProduct(2000, 10, 100);
        stack.addItem(shopper, active, 1);
        stack.addItem(shopper, archived, 1);
        assertThat(stack.archive(archived).status()).isEqualTo(204);

        Response response = stack.checkout(shopper, checkoutBody("standard"), key());

        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
        assertThat(errorFields(problem)).containsExactly("items[" + archived + "]");
        assertThat(stack.storedStock(active)).isEqualTo(10);
        assertThat(productIds(stack.cart(shopper).json())).containsExactly(active, archived);
        assertThat(stack.orders(shopper).json().path("items")).isEmpty();
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

    private static Arguments badDetails(String label, String namedField, Function<ObjectNode, ObjectNode> change) {
        return Arguments.of(named(label, change), namedField);
    }
}
