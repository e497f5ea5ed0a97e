package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.local.e2e.Http.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The shop as the end-to-end tests see it from outside: who and what they create (accounts, shoppers, orders),
 * the bodies they send, the assertions every test makes of problems, money and listings, and waiting and racing.
 * The running stack and every route the tests share are {@link Stack}.
 */
final class Shop {

    static final String ADMIN_EMAIL = "shop-admin@storefront.test";
    static final String ADMIN_PASSWORD = "admin password for shop e2e";
    static final String PASSWORD = "correct horse battery";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    /** Units of every product {@link Stack#placeOrder(Shopper, long, int)} creates. */
    static final int UNITS = 10;
    /** A paid order moves on to FULFILLING within moments, when its shipment is created from the orders stream. */
    static final List<String> PAID_OR_FULFILLING = List.of("PAID", "FULFILLING");
    /** How often {@link #await} asks again. */
    static final Duration POLL = Duration.ofMillis(100);
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private Shop() {
    }

    /** A signed-up account (not logged in). */
    record Account(String userId, String email, String name) {
    }

    /** A signed-up, logged-in shopper, with the {@code Authorization} header of its login. */
    record Shopper(String userId, String email, String authorization) {
    }

    /** A shopper, and a product with plenty of stock. */
    record ShopperWithProduct(Shopper shopper, String productId) {
    }

    /** An order placed by checkout, still pending payment, of {@code productId}. */
    record Placed(String orderId, String productId, JsonNode order) {
    }

    /** An idempotency key nobody used. */
    static String key() {
        return "e2e-" + UUID.randomUUID();
    }

    /** An address at example.com nobody signed up with; {@code tag} makes it recognisable. */
    static String uniqueEmail(String tag) {
        return tag.toLowerCase(Locale.ROOT) + "-" + EMAILS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static ObjectNode signupBody(String email, String password, String name) {
        return object("email", email, "password", password, "name", name);
    }

    /** A product for {@code POST /admin/products} with a new SKU. */
    static ObjectNode productBody(String name, long price, int available, int weightGrams) {
        return object("sku", "SKU-" + UUID.randomUUID(), "name", name, "description", "A product of the e2e tests.",
                "category", "Fixtures", "brand", "Storefront", "price", object("amount", price, "currency", "USD"),
                "stock", object("available", available), "weightGrams", weightGrams);
    }

    /** A checkout (or quote) to one fixed US address. */
    static ObjectNode checkoutBody(String method) {
        return checkoutBody(object("name", "Ada Lovelace", "line1", "12 Main Street", "line2", null,
                "city", "Springfield", "region", "IL", "postalCode", "62701", "country", "US"), method);
    }

    static ObjectNode checkoutBody(ObjectNode address, String method) {
        return object("shippingAddress", address, "shippingMethod", method);
    }

    static ObjectNode payBody(String orderId, String token) {
        return object("orderId", orderId, "paymentMethod", object("token", token));
    }

    /** Checks the RFC 9457 shape of an error and that its request id is the response's; returns the body. */
    static JsonNode assertProblem(Response response, int status) {
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

    /** Money in integer minor units of USD. */
    static void assertMoney(JsonNode money, long amount) {
        assertThat(money.path("amount").isIntegralNumber()).as("integer minor units: %s", money).isTrue();
        assertThat(money.path("amount").asLong()).as("%s", money).isEqualTo(amount);
        assertThat(money.path("currency").asText()).isEqualTo("USD");
    }

    /** Checks a 200 with a JSON body; returns the body. */
    static JsonNode ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(Http.APPLICATION_JSON));
        return response.json();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The fields a problem names in {@code errors}. */
    static List<String> errorFields(JsonNode problem) {
        return texts(problem.path("errors"), "field");
    }

    /** The cart's line of the product. */
    static JsonNode line(JsonNode cart, String productId) {
        for (JsonNode item : cart.path("items")) {
            if (item.path("productId").asText().equals(productId)) {
                return item;
            }
        }
        throw new AssertionError("no line of " + productId + " in " + cart);
    }

    /** The products of a cart's lines (or of a product listing), in order. */
    static List<String> productIds(JsonNode listing) {
        return texts(listing.path("items"), "productId");
    }

    /** The orders of a page of {@code GET /orders}, in order. */
    static List<String> orderIds(JsonNode page) {
        return texts(page.path("items"), "orderId");
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    /**
     * Repeats {@code attempt} every {@link #POLL} until {@code done} accepts its value or {@code patience} has
     * passed; returns the last value, for the caller to assert on.
     */
    static <T> T await(Duration patience, Supplier<T> attempt, Predicate<T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        T value = attempt.get();
        while (!done.test(value) && System.nanoTime() - deadline < 0) {
            pause(POLL);
            value = attempt.get();
        }
        return value;
    }

    static void awaitInstant(Instant instant) {
        Duration left = Duration.between(Instant.now(), instant);
        if (left.toMillis() > 0) {
            pause(left);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs the calls released at the same instant by one gate; returns their results in order. */
    static List<Object> together(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
