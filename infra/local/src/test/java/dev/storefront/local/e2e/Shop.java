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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shop as the order-lifecycle E2E tests drive it (checkout races, payments, shipments): a running local stack
 * with an admin, shoppers, orders placed through cart and checkout, payments, requests raced at one gate, and the
 * tables read directly where the outcome of a race is decided; plus the assertions every such test makes of
 * problems and money.
 */
final class Shop {

    static final String ADMIN_EMAIL = "shop-admin@storefront.test";
    static final String ADMIN_PASSWORD = "admin password for shop e2e";
    static final String PASSWORD = "correct horse battery";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    /** Units of every product {@link Stack#placeOrder} creates. */
    static final int UNITS = 10;
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private Shop() {
    }

    static String key() {
        return "pay-e2e-" + UUID.randomUUID();
    }

    static ObjectNode payBody(String orderId, String token) {
        return object("orderId", orderId, "paymentMethod", object("token", token));
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

    record Shopper(String userId, String authorization) {
    }

    record Placed(String orderId, String productId, JsonNode order) {
    }

    /** A running local stack, its HTTP client and an admin token. */
    record Stack(LocalStorefront storefront, Http http, String admin) {

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
            String email = "payer-" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.com";
            Response signup = http.post("/auth/signup", object("email", email, "password", PASSWORD, "name", "Payer"));
            assertThat(signup.status()).as("signup: %s", signup).isEqualTo(201);
            Response login = http.post("/auth/login", object("email", email, "password", PASSWORD));
            assertThat(login.status()).as("login: %s", login).isEqualTo(200);
            return new Shopper(signup.field("userId"), "Bearer " + login.field("accessToken"));
        }

        /** A new product with {@value #UNITS} units, {@code quantity} of them checked out by the shopper. */
        Placed placeOrder(Shopper shopper, long price, int quantity) {
            return placeOrder(shopper, price, quantity, "Paid thing");
        }

        /** As {@link #placeOrder(Shopper, long, int)}, of a product with this name. */
        Placed placeOrder(Shopper shopper, long price, int quantity, String name) {
            String productId = createProduct(price, UNITS, name);
            Response added = addItem(shopper, productId, quantity);
            assertThat(added.status()).as("add item: %s", added).isEqualTo(200);
            Response placed = http.send(checkoutRequest(shopper, key()));
            assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
            assertThat(placed.json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
            return new Placed(placed.field("orderId"), productId, placed.json());
        }

        /** A new product with {@code available} units, created by the admin; returns its id. */
        String createProduct(long price, int available, String name) {
            ObjectNode product = object("sku", "SKU-" + UUID.randomUUID(), "name", name,
                    "description", "Bought and paid.", "category", "Fixtures", "brand", "Storefront",
                    "price", object("amount", price, "currency", "USD"), "stock", object("available", available),
                    "weightGrams", 300);
            Response created = http.post("/admin/products", product, "Authorization", admin);
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

        /** A ready checkout of the shopper's cart (shipped standard to one fixed address); for concurrent sends. */
        HttpRequest checkoutRequest(Shopper shopper, String idempotencyKey) {
            ObjectNode checkout = object("shippingAddress", object("name", "Grace Hopper", "line1", "1 Navy Way",
                    "city", "Arlington", "region", "VA", "postalCode", "22202", "country", "US"),
                    "shippingMethod", "standard");
            return http.jsonPost("/checkout", checkout, "Authorization", shopper.authorization(),
                    "Idempotency-Key", idempotencyKey);
        }

        HttpRequest payRequest(Shopper shopper, String orderId, String token, String idempotencyKey) {
            return http.jsonPost("/payments", payBody(orderId, token), "Authorization", shopper.authorization(),
                    "Idempotency-Key", idempotencyKey);
        }

        Response pay(Shopper shopper, String orderId, String token, String idempotencyKey) {
            return http.send(payRequest(shopper, orderId, token, idempotencyKey));
        }

        Response getPayment(Shopper shopper, String paymentId) {
            return http.get("/payments/" + paymentId, "Authorization", shopper.authorization());
        }

        Response orders(Shopper shopper) {
            return http.get("/orders", "Authorization", shopper.authorization());
        }

        Response getOrder(Shopper shopper, String orderId) {
            return http.get("/orders/" + orderId, "Authorization", shopper.authorization());
        }

        /** Cancels the order with a bodiless POST. */
        Response cancel(Shopper shopper, String orderId) {
            return http.send(http.request("/orders/" + orderId + "/cancel")
                    .header("Authorization", shopper.authorization())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }

        /** Sends {@code count} requests released at the same instant by one gate; returns the responses in order. */
        List<Response> concurrently(int count, Function<Integer, HttpRequest> request) throws Exception {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest prepared = request.apply(i);
                calls.add(() -> http.send(prepared));
            }
            return together(calls).stream().map(Response.class::cast).toList();
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

        /** Items of the payments table whose key starts with {@code prefix} and that belong to the order. */
        private List<Map<String, AttributeValue>> paymentItems(String prefix, String orderId) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            storefront.dynamoDb().scanPaginator(request -> request
                    .tableName(storefront.tableNames().get("PaymentsTable")).consistentRead(true)).items()
                    .forEach(item -> {
                        if (item.get("pk").s().startsWith(prefix) && item.containsKey("orderId")
                                && item.get("orderId").s().equals(orderId)) {
                            found.add(item);
                        }
                    });
            return found;
        }

        /** Charges made at the simulated provider for the order (captured or declined). */
        List<Map<String, AttributeValue>> charges(String orderId) {
            return paymentItems("SIM#pay-", orderId).stream()
                    .filter(item -> item.get("kind").s().equals("charge")).toList();
        }

        /** Charges that the simulated provider captured for the order. */
        List<Map<String, AttributeValue>> capturedCharges(String orderId) {
            return charges(orderId).stream().filter(item -> item.containsKey("providerPaymentId")).toList();
        }

        List<Map<String, AttributeValue>> storedPayments(String orderId) {
            return paymentItems("PAYMENT#", orderId);
        }

        /** The simulated provider's stored outcome of an idempotency key. */
        java.util.Optional<Map<String, AttributeValue>> simulated(String idempotencyKey) {
            Map<String, AttributeValue> item = storefront.dynamoDb().getItem(request -> request
                    .tableName(storefront.tableNames().get("PaymentsTable")).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("SIM#" + idempotencyKey)))).item();
            return item == null || item.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(item);
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

    static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", response).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(response.requestId());
        return problem;
    }

    static void assertMoney(JsonNode money, long amount) {
        assertThat(money.path("amount").isIntegralNumber()).as("%s", money).isTrue();
        assertThat(money.path("amount").asLong()).isEqualTo(amount);
        assertThat(money.path("currency").asText()).isEqualTo("USD");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}
