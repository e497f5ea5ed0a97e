package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkout under races of real HTTP requests through the local gateway (up to 4 instances per function, as
 * configured by default): more buyers than stock, one idempotency key sent many times at once, and the expiry
 * of unpaid orders in a second stack whose reservations last {@value #SHORT_RESERVATION_SECONDS} seconds.
 * Stock and orders are read straight from the tables, where the outcome of a race is decided.
 */
class CheckoutRaceE2EIT {

    private static final String ADMIN_EMAIL = "race-admin@storefront.test";
    private static final String ADMIN_PASSWORD = "admin password for race e2e";
    private static final String PASSWORD = "correct horse battery";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int BUYERS = 24;
    private static final int UNITS = 10;
    private static final int SAME_KEY_REQUESTS = 8;
    private static final int SHORT_RESERVATION_SECONDS = 3;
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private static Stack stack;
    private static List<Shopper> buyers;
    private static Shopper impatientShopper;

    @BeforeAll
    static void startStorefront() throws Exception {
        stack = Stack.start(Map.of());
        List<Shopper> shoppers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Shopper>> signups = new ArrayList<>();
            for (int i = 0; i <= BUYERS; i++) {
                signups.add(pool.submit(stack::newShopper));
            }
            for (Future<Shopper> signup : signups) {
                shoppers.add(signup.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        buyers = List.copyOf(shoppers.subList(0, BUYERS));
        impatientShopper = shoppers.get(BUYERS);
    }

    @AfterAll
    static void stopStorefront() {
        if (stack != null) {
            stack.storefront().close();
        }
    }

    @Test
    void checkout_shouldSellExactlyTheStock_whenMoreShoppersThanUnitsCheckOutAtOnce() throws Exception {
        // given: 24 carts holding one unit each of a product with 10 in stock
        String product = stack.createProduct(1999, UNITS);
        for (Shopper buyer : buyers) {
            assertThat(stack.addItem(buyer, product, 1).status()).isEqualTo(200);
        }
        AtomicInteger lowestStock = new AtomicInteger(UNITS);
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                lowestStock.accumulateAndGet(stack.storedStock(product), Math::min);
                pause(Duration.ofMillis(20));
            }
        }, "stock-watcher");
        watcher.start();

        // when: all check out at once, each with its own key
        List<Response> responses;
        try {
            responses = concurrently(BUYERS, i -> stack.checkoutRequest(buyers.get(i), "race-" + UUID.randomUUID()));
        } finally {
            racing.set(false);
            watcher.join(10_000);
        }

        // then: ten orders, fourteen refusals naming the product
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        List<Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(created).as("orders placed").hasSize(UNITS);
        assertThat(refused).as("checkouts refused").hasSize(BUYERS - UNITS);
        for (Response refusal : refused) {
            JsonNode problem = assertProblem(refusal, 409);
            assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
            assertThat(errorFields(problem)).containsExactly("items[" + product + "]");
        }
        Set<String> createdIds = new HashSet<>();
        for (Response order : created) {
            assertThat(order.json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(order.json().path("items").get(0).path("productId").asText()).isEqualTo(product);
            createdIds.add(order.json().path("orderId").asText());
        }

        // and: the stock is exactly used up, and the table holds exactly the ten orders
        assertThat(stack.storedStock(product)).isZero();
        assertThat(lowestStock.get()).as("lowest stock seen during the race").isGreaterThanOrEqualTo(0);
        List<Map<String, AttributeValue>> stored = stack.storedOrdersOf(product);
        assertThat(stored).extracting(item -> item.get("orderId").s()).containsExactlyInAnyOrderElementsOf(createdIds);
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            if (responses.get(i).status() == 201) {
                winners.add(buyers.get(i).userId());
            }
        }
        assertThat(stored).extracting(item -> item.get("userId").s()).containsExactlyInAnyOrderElementsOf(winners);

        // and: the winners' carts are empty, the others still hold their unit
        for (int i = 0; i < BUYERS; i++) {
            JsonNode cart = stack.cart(buyers.get(i)).json();
            int expected = responses.get(i).status() == 201 ? 0 : 1;
            assertThat(cart.path("itemCount").asInt()).as("cart of buyer %d", i).isEqualTo(expected);
        }
    }

    @Test
    void checkout_shouldPlaceOneOrder_whenTheSameKeyAndBodyArriveEightTimesAtOnce() throws Exception {
        // given
        Shopper shopper = impatientShopper;
        String product = stack.createProduct(1500, UNITS);
        assertThat(stack.addItem(shopper, product, 2).status()).isEqualTo(200);
        String key = "double-click-" + UUID.randomUUID();

        // when
        List<Response> responses = concurrently(SAME_KEY_REQUESTS, i -> stack.checkoutRequest(shopper, key));

        // then: one original; every other answer is its replay or "still in progress"
        List<Response> originals = responses.stream()
                .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()).toList();
        assertThat(originals).as("%s", responses).hasSize(1);
        JsonNode order = originals.get(0).json();
        assertThat(responses).filteredOn(r -> !originals.contains(r)).allSatisfy(r -> {
            if (r.status() == 201) {
                assertThat(r.header("Idempotent-Replayed")).contains("true");
                assertThat(r.json()).isEqualTo(order);
            } else {
                JsonNode problem = assertProblem(r, 409);
                assertThat(problem.path("type").asText()).endsWith("/idempotency-in-progress");
                assertThat(r.header("Retry-After")).isPresent();
            }
        });
        Response later = stack.http().send(stack.checkoutRequest(shopper, key));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).contains("true");
        assertThat(later.json()).isEqualTo(order);

        // and: one order, stock taken once
        JsonNode orders = stack.orders(shopper).json();
        assertThat(orders.path("items")).hasSize(1);
        assertThat(orders.path("items").get(0).path("orderId").asText()).isEqualTo(order.path("orderId").asText());
        assertThat(stack.storedOrdersOf(product)).hasSize(1);
        assertThat(stack.storedStock(product)).isEqualTo(UNITS - 2);
    }

    @Test
    void checkout_shouldPlaceOneOrder_whenTwoTabsCheckOutTheSameCartWithDifferentKeys() throws Exception {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1200, UNITS);
        assertThat(stack.addItem(shopper, product, 3).status()).isEqualTo(200);

        // when
        List<Response> responses = concurrently(2, i -> stack.checkoutRequest(shopper, "tab-" + i + "-" + UUID.randomUUID()));

        // then: the cart is bought once; the other tab finds it empty
        assertThat(responses).filteredOn(r -> r.status() == 201).as("%s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(assertProblem(r, 400).path("type").asText()).endsWith("/empty-cart"));
        assertThat(stack.orders(shopper).json().path("items")).hasSize(1);
        assertThat(stack.storedOrdersOf(product)).hasSize(1);
        assertThat(stack.storedStock(product)).isEqualTo(UNITS - 3);
    }

    @Test
    void unpaidOrder_shouldReadAsExpiredAfterItsReservation_andTheSweepShouldReturnItsStockOnce() throws Exception {
        Stack expiring = Stack.start(Map.of("STOREFRONT_RESERVATION_TTL_SECONDS",
                Integer.toString(SHORT_RESERVATION_SECONDS)));
        try {
            // given: an unpaid order holding 2 of 5 units
            Shopper shopper = expiring.newShopper();
            String product = expiring.createProduct(2500, 5);
            assertThat(expiring.addItem(shopper, product, 2).status()).isEqualTo(200);
            Response placed = expiring.http().send(expiring.checkoutRequest(shopper, "expiry-" + UUID.randomUUID()));
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            JsonNode order = placed.json();
            String orderId = order.path("orderId").asText();
            Instant createdAt = Instant.parse(order.path("createdAt").asText());
            Instant expiresAt = Instant.parse(order.path("expiresAt").asText());
            assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(Duration.between(createdAt, expiresAt)).isBetween(
                    Duration.ofSeconds(SHORT_RESERVATION_SECONDS - 1), Duration.ofSeconds(SHORT_RESERVATION_SECONDS));
            assertThat(expiring.storedStock(product)).isEqualTo(3);

            // when: the reservation time passes (polled: the status must flip exactly at expiresAt)
            String status = awaitExpiry(expiring, shopper, orderId, expiresAt);

            // then: shoppers see EXPIRED before the sweep ran; the stock is still held and cannot be cancelled back
            assertThat(status).isEqualTo("EXPIRED");
            assertThat(expiring.storedOrder(orderId).get("status").s()).as("not swept yet").isEqualTo("PENDING_PAYMENT");
            assertThat(expiring.storedStock(product)).isEqualTo(3);
            JsonNode cancelBeforeSweep = assertProblem(expiring.cancel(shopper, orderId), 409);
            assertThat(cancelBeforeSweep.path("type").asText()).endsWith("/order-not-cancellable");
            assertThat(expiring.storedStock(product)).isEqualTo(3);

            // when: the scheduled sweep runs, twice
            JsonNode firstSweep = sweep(expiring.storefront());
            int stockAfterFirst = expiring.storedStock(product);
            JsonNode secondSweep = sweep(expiring.storefront());

            // then: the stock returned exactly once
            assertThat(firstSweep.path("expired").asInt()).isEqualTo(1);
            assertThat(stockAfterFirst).isEqualTo(5);
            assertThat(secondSweep.path("expired").asInt()).isZero();
            assertThat(expiring.storedStock(product)).isEqualTo(5);
            assertThat(expiring.storedOrder(orderId).get("status").s()).isEqualTo("EXPIRED");
            assertThat(expiring.getOrder(shopper, orderId).json().path("status").asText()).isEqualTo("EXPIRED");
            assertProblem(expiring.cancel(shopper, orderId), 409);
            assertThat(expiring.storedStock(product)).isEqualTo(5);
        } finally {
            expiring.storefront().close();
        }
    }

    /**
     * Reads the order until it shows {@code EXPIRED} (at most 10 s past {@code expiresAt}); checks on every
     * read that the status agrees with the clock: PENDING_PAYMENT only when asked before {@code expiresAt},
     * EXPIRED only when answered after it. Returns the last status read.
     */
    private static String awaitExpiry(Stack stack, Shopper shopper, String orderId, Instant expiresAt) {
        Instant deadline = expiresAt.plusSeconds(10);
        String status;
        do {
            Instant asked = Instant.now();
            Response read = stack.getOrder(shopper, orderId);
            Instant answered = Instant.now();
            assertThat(read.status()).as("%s", read).isEqualTo(200);
            status = read.json().path("status").asText();
            if (status.equals("PENDING_PAYMENT")) {
                assertThat(asked).as("PENDING_PAYMENT read at %s", asked).isBefore(expiresAt);
                pause(Duration.ofMillis(100));
            } else {
                assertThat(status).isEqualTo("EXPIRED");
                assertThat(answered).as("EXPIRED read at %s", answered).isAfterOrEqualTo(expiresAt);
            }
        } while (!status.equals("EXPIRED") && Instant.now().isBefore(deadline));
        return status;
    }

    private static JsonNode sweep(LocalStorefront storefront) throws Exception {
        return Http.JSON.readTree(storefront.triggerSchedule("OrderExpiryFunction", "EveryMinute"));
    }

    private record Shopper(String userId, String authorization) {
    }

    /** A running local stack, its HTTP client and an admin token. */
    private record Stack(LocalStorefront storefront, Http http, String admin) {

        /**
         * Starts a stack from the project's template as {@code ./storefront local} does: from its environment
         * variables (here {@code extra} on top of the admin account and no demo products).
         */
        static Stack start(Map<String, String> extra) {
            Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
            Map<String, String> environment = new HashMap<>(Map.of("STOREFRONT_ADMIN_EMAIL", ADMIN_EMAIL,
                    "STOREFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD, "STOREFRONT_SEED_PRODUCTS", "0"));
            environment.putAll(extra);
            LocalStorefront storefront = LocalStorefront.start(LocalOptions.fromEnvironment(environment, template)
                    .port(0).build());
            try {
                Http http = new Http(storefront.baseUrl());
                Response login = http.post("/auth/login", object("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
                assertThat(login.status()).as("admin login: %s", login).isEqualTo(200);
                return new Stack(storefront, http, "Bearer " + login.field("accessToken"));
            } catch (RuntimeException | AssertionError e) {
                storefront.close();
                throw e;
            }
        }

        Shopper newShopper() {
            String email = "racer-" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            Response signup = http.post("/auth/signup", object("email", email, "password", PASSWORD, "name", "Racer"));
            assertThat(signup.status()).as("signup: %s", signup).isEqualTo(201);
            Response login = http.post("/auth/login", object("email", email, "password", PASSWORD));
            assertThat(login.status()).as("login: %s", login).isEqualTo(200);
            return new Shopper(signup.field("userId"), "Bearer " + login.field("accessToken"));
        }

        String createProduct(long price, int available) {
            ObjectNode body = object("sku", "SKU-" + UUID.randomUUID(), "name", "Limited edition",
                    "description", "Few of them.", "category", "Fixtures", "brand", "Storefront",
                    "price", object("amount", price, "currency", "USD"), "stock", object("available", available),
                    "weightGrams", 300);
            Response created = http.post("/admin/products", body, "Authorization", admin);
            assertThat(created.status()).as("create product: %s", created).isEqualTo(201);
            return created.field("productId");
        }

        Response addItem(Shopper shopper, String productId, int quantity) {
            return http.post("/cart/items", object("productId", productId, "quantity", quantity),
                    "Authorization", shopper.authorization());
        }

        Response cart(Shopper shopper) {
            return http.get("/cart", "Authorization", shopper.authorization());
        }

        HttpRequest checkoutRequest(Shopper shopper, String idempotencyKey) {
            ObjectNode body = object("shippingAddress", object("name", "Grace Hopper", "line1", "1 Navy Way",
                    "city", "Arlington", "region", "VA", "postalCode", "22202", "country", "US"),
                    "shippingMethod", "standard");
            return http.jsonPost("/checkout", body, "Authorization", shopper.authorization(),
                    "Idempotency-Key", idempotencyKey);
        }

        Response orders(Shopper shopper) {
            return http.get("/orders", "Authorization", shopper.authorization());
        }

        Response getOrder(Shopper shopper, String orderId) {
            return http.get("/orders/" + orderId, "Authorization", shopper.authorization());
        }

        Response cancel(Shopper shopper, String orderId) {
            return http.send(http.request("/orders/" + orderId + "/cancel")
                    .header("Authorization", shopper.authorization())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }

        /** Units available as stored in the products table (item {@code PRODUCT#<id>}). */
        int storedStock(String productId) {
            Map<String, AttributeValue> item = storefront.dynamoDb().getItem(request -> request
                    .tableName(storefront.tableNames().get("ProductsTable")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("PRODUCT#" + productId)))).item();
            return Integer.parseInt(item.get("available").n());
        }

        Map<String, AttributeValue> storedOrder(String orderId) {
            return storefront.dynamoDb().getItem(request -> request
                    .tableName(storefront.tableNames().get("OrdersTable")).consistentRead(true)
                    .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        }

        /** Every stored order with a line of {@code productId} (a scan: fine for a test's table). */
        List<Map<String, AttributeValue>> storedOrdersOf(String productId) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            storefront.dynamoDb().scanPaginator(request -> request
                    .tableName(storefront.tableNames().get("OrdersTable")).consistentRead(true)).items()
                    .forEach(item -> {
                        if (item.get("items").l().stream()
                                .anyMatch(line -> line.m().get("productId").s().equals(productId))) {
                            found.add(item);
                        }
                    });
            return found;
        }
    }

    /** Sends {@code count} requests released at the same instant by one gate; returns the responses in order. */
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
                    return stack.http().send(prepared);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
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

    private static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", response).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(response.requestId());
        return problem;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
