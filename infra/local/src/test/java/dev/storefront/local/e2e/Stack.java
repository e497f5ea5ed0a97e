package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.ADMIN_EMAIL;
import static dev.storefront.local.e2e.Shop.ADMIN_PASSWORD;
import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.await;
import static dev.storefront.local.e2e.Shop.checkoutBody;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.payBody;
import static dev.storefront.local.e2e.Shop.productBody;
import static dev.storefront.local.e2e.Shop.signupBody;
import static dev.storefront.local.e2e.Shop.together;
import static dev.storefront.local.e2e.Shop.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.payment.WebhookSignature;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Account;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.local.e2e.Shop.ShopperWithProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A running local stack from the project's {@code template.yaml}, driven as the tests drive it: the routes they
 * share (accounts, products, cart, checkout, orders, payments), requests raced at one gate, and the tables read
 * directly where the outcome of a race is decided.
 *
 * <p>A stack takes seconds to start, so the classes of the shop share one per JVM ({@link #shared()}); their tests
 * make their own accounts, products and orders and never assume that a table holds only theirs. A class that
 * needs other settings starts a stack of its own ({@link #start(Map)}) and closes it.
 */
final class Stack implements AutoCloseable {

    /** Access tokens live 15 minutes; a stack shared by a whole run outlives the admin's first one. */
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofMinutes(10);
    private static final SharedFixture<Stack> SHARED = new SharedFixture<>(() -> startUntilExit(Map.of()));

    private final LocalStorefront storefront;
    private final Http http;
    private AccessTokens tokens;
    private String admin;
    private Instant adminSince;

    private Stack(LocalStorefront storefront) {
        this.storefront = storefront;
        this.http = new Http(storefront.baseUrl());
    }

    /**
     * Starts a stack as {@code ./storefront local} does: from its environment variables, here {@code settings} on
     * top of the admin account ({@link #admin()} logs in on first use) and no demo products.
     */
    static Stack start(Map<String, String> settings) {
        Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
        Map<String, String> environment = new HashMap<>(Map.of("STOREFRONT_ADMIN_EMAIL", ADMIN_EMAIL,
                "STOREFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD, "STOREFRONT_SEED_PRODUCTS", "0"));
        environment.putAll(settings);
        return new Stack(LocalStorefront.start(LocalOptions.fromEnvironment(environment, template).port(0).build()));
    }

    /** As {@link #start(Map)}, for a fixture kept for the rest of the JVM: stopped when the JVM exits. */
    static Stack startUntilExit(Map<String, String> settings) {
        Stack stack = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        return stack;
    }

    /** The stack of the shop's test classes: one for the JVM, started on first use, stopped when the JVM exits. */
    static Stack shared() {
        return SHARED.get();
    }

    LocalStorefront storefront() {
        return storefront;
    }

    Http http() {
        return http;
    }

    /** The {@code Authorization} header of the seeded admin, logged in again before its token gets old. */
    synchronized String admin() {
        if (admin == null || Instant.now().isAfter(adminSince.plus(ADMIN_TOKEN_REUSE))) {
            Instant since = Instant.now();
            Response login = login(ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(login.status()).as("admin login: %s", login).isEqualTo(200);
            admin = "Bearer " + login.field("accessToken");
            adminSince = since;
        }
        return admin;
    }

    /** Tokens signed with this stack's key (it lives in the accounts function's environment only). */
    synchronized AccessTokens tokens() {
        if (tokens == null) {
            tokens = AccessTokens.fromEnvironment(storefront.environment("AccountsFunction"));
        }
        return tokens;
    }

    @Override
    public void close() {
        storefront.close();
    }

    Response signup(String email, String password, String name) {
        return http.post("/auth/signup", signupBody(email, password, name));
    }

    Response login(String email, String password) {
        return http.post("/auth/login", object("email", email, "password", password));
    }

    Response refresh(String refreshToken) {
        return http.post("/auth/refresh", object("refreshToken", refreshToken));
    }

    /** A new account with {@link Shop#PASSWORD}, named "Test User". */
    Account newAccount() {
        return newAccount("user", "Test User");
    }

    /** A new account, logged in. */
    Shopper newShopper() {
        Account account = newAccount("shopper", "Shopper");
        Response login = login(account.email(), PASSWORD);
        assertThat(login.status()).as("login: %s", login).isEqualTo(200);
        return new Shopper(account.userId(), account.email(), "Bearer " + login.field("accessToken"));
    }

    /** A new shopper, and a new product of 1,000 units at 15.00 weighing 100 g. */
    ShopperWithProduct newShopperWithProduct() {
        return new ShopperWithProduct(newShopper(), createProduct(1500, 1000, 100));
    }

    private Account newAccount(String tag, String name) {
        String email = uniqueEmail(tag);
        Response response = signup(email, PASSWORD, name);
        assertThat(response.status()).as("signup of %s: %s", email, response).isEqualTo(201);
        return new Account(response.field("userId"), email, name);
    }

    /** The admin's {@code POST /admin/products}, as answered. */
    Response postProduct(Object body) {
        return http.post("/admin/products", body, "Authorization", admin());
    }

    /** A new product of 300 g, created by the admin; returns its id. */
    String createProduct(long price, int available, String name) {
        return createProduct(productBody(name, price, available, 300));
    }

    /** A new "Fixture product" of this weight, created by the admin; returns its id. */
    String createProduct(long price, int available, int weightGrams) {
        return createProduct(productBody("Fixture product", price, available, weightGrams));
    }

    private String createProduct(ObjectNode body) {
        Response created = postProduct(body);
        assertThat(created.status()).as("create product: %s", created).isEqualTo(201);
        return created.field("productId");
    }

    /** Replaces a "Fixture product" of 100 g (keeping its SKU) at {@code If-Match: version}. */
    Response replaceProduct(String productId, long price, int available, String version) {
        ObjectNode body = productBody("Fixture product", price, available, 100)
                .put("sku", storedProduct(productId).get("sku").s());
        return http.put("/admin/products/" + productId, body, "Authorization", admin(), "If-Match", version);
    }

    /** The admin's {@code PUT /admin/products/{id}/stock}; the level may be anything JSON can hold. */
    Response setStock(String productId, Object available) {
        return http.put("/admin/products/" + productId + "/stock", object("available", available),
                "Authorization", admin());
    }

    Response archive(String productId) {
        return http.delete("/admin/products/" + productId, "Authorization", admin());
    }

    /** Stock as shoppers see it (possibly from the product cache). */
    int publicStock(String productId) {
        Response product = http.get("/products/" + productId);
        assertThat(product.status()).as("%s", product).isEqualTo(200);
        return product.json().path("stock").path("available").asInt();
    }

    /**
     * Reads {@code GET /products/{id}} until it shows {@code expected} units, for at most 5 s (the cached entry is
     * evicted from the products stream); returns the last level read.
     */
    int awaitPublicStock(String productId, int expected) {
        return await(Duration.ofSeconds(5), () -> publicStock(productId), available -> available == expected);
    }

    /** Whether the product-detail cache (Redis) holds the product now. */
    boolean cached(String productId) {
        return RedisProbe.productCached(storefront.redis().port(), productId);
    }

    Response cart(Shopper shopper) {
        return http.get("/cart", "Authorization", shopper.authorization());
    }

    /** {@code POST /cart/items}; the quantity may be anything JSON can hold. */
    Response addItem(Shopper shopper, String productId, Object quantity) {
        return http.post("/cart/items", object("productId", productId, "quantity", quantity),
                "Authorization", shopper.authorization());
    }

    Response setQuantity(Shopper shopper, String productId, Object quantity) {
        return http.put("/cart/items/" + productId, object("quantity", quantity),
                "Authorization", shopper.authorization());
    }

    Response removeItem(Shopper shopper, String productId) {
        return http.delete("/cart/items/" + productId, "Authorization", shopper.authorization());
    }

    Response clearCart(Shopper shopper) {
        return http.delete("/cart", "Authorization", shopper.authorization());
    }

    Response quote(Shopper shopper, ObjectNode body) {
        return http.post("/checkout/quote", body, "Authorization", shopper.authorization());
    }

    Response checkout(Shopper shopper, ObjectNode body, String idempotencyKey) {
        return http.post("/checkout", body, "Authorization", shopper.authorization(), "Idempotency-Key",
                idempotencyKey);
    }

    /** A ready checkout of the shopper's cart (standard, to {@link Shop#checkoutBody}); for concurrent sends. */
    HttpRequest checkoutRequest(Shopper shopper, String idempotencyKey) {
        return http.jsonPost("/checkout", checkoutBody("standard"), "Authorization", shopper.authorization(),
                "Idempotency-Key", idempotencyKey);
    }

    /** A new product with {@value Shop#UNITS} units, {@code quantity} of them checked out by the shopper. */
    Placed placeOrder(Shopper shopper, long price, int quantity) {
        return placeOrder(shopper, price, quantity, "Paid thing");
    }

    /** As {@link #placeOrder(Shopper, long, int)}, of a product with this name. */
    Placed placeOrder(Shopper shopper, long price, int quantity, String name) {
        return placeOrder(shopper, createProduct(price, UNITS, name), quantity);
    }

    /** Puts {@code quantity} of the product in the shopper's cart and checks out. */
    Placed placeOrder(Shopper shopper, String productId, int quantity) {
        Response added = addItem(shopper, productId, quantity);
        assertThat(added.status()).as("add item: %s", added).isEqualTo(200);
        Response placed = http.send(checkoutRequest(shopper, key()));
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        assertThat(placed.json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
        return new Placed(placed.field("orderId"), productId, placed.json());
    }

    Response orders(Shopper shopper) {
        return orders(shopper, "");
    }

    /** {@code GET /orders} with a raw query ({@code limit=2&cursor=...}, or empty). */
    Response orders(Shopper shopper, String query) {
        return http.get("/orders" + (query.isEmpty() ? "" : "?" + query), "Authorization", shopper.authorization());
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

    /** Signs webhook events as the payment provider does, with the payment function's secret. */
    WebhookSignature webhookSigner() {
        return new WebhookSignature(storefront.environment("PaymentFunction").get("STOREFRONT_PAYMENT_WEBHOOK_SECRET")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs a raw event to the payments webhook, with a {@code Stripe-Signature} unless it is null. */
    Response webhook(byte[] body, String signature) {
        HttpRequest.Builder request = http.request("/webhooks/payments").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build());
    }

    /** Runs a function's {@code EveryMinute} schedule now; returns its answer. */
    JsonNode runSchedule(String functionLogicalId) {
        try {
            return Http.JSON.readTree(storefront.triggerSchedule(functionLogicalId, "EveryMinute"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(functionLogicalId + " failed", e);
        }
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

    /** The product item as stored, bypassing the catalog function and its cache. */
    Map<String, AttributeValue> storedProduct(String productId) {
        return item("ProductsTable", Map.of("pk", AttributeValue.fromS("PRODUCT#" + productId)));
    }

    /** Units available as stored in the products table. */
    int storedStock(String productId) {
        return Integer.parseInt(storedProduct(productId).get("available").n());
    }

    Map<String, AttributeValue> storedOrder(String orderId) {
        return item("OrdersTable", Map.of("orderId", AttributeValue.fromS(orderId)));
    }

    /** Every stored order with a line of {@code productId}. */
    List<Map<String, AttributeValue>> storedOrdersOf(String productId) {
        return items("OrdersTable", item -> item.get("items").l().stream()
                .anyMatch(line -> line.m().get("productId").s().equals(productId)));
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
    Optional<Map<String, AttributeValue>> simulated(String idempotencyKey) {
        Map<String, AttributeValue> item = item("PaymentsTable",
                Map.of("pk", AttributeValue.fromS("SIM#" + idempotencyKey)));
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    Map<String, AttributeValue> storedShipment(String shipmentId) {
        return item("ShipmentsTable", Map.of("pk", AttributeValue.fromS("SHIPMENT#" + shipmentId)));
    }

    /** Every stored shipment of the order. */
    List<Map<String, AttributeValue>> shipmentsOf(String orderId) {
        return items("ShipmentsTable", item -> item.containsKey("orderId") && item.get("orderId").s().equals(orderId));
    }

    /** Items of the payments table whose key starts with {@code prefix} and that belong to the order. */
    private List<Map<String, AttributeValue>> paymentItems(String prefix, String orderId) {
        return items("PaymentsTable", item -> item.get("pk").s().startsWith(prefix) && item.containsKey("orderId")
                && item.get("orderId").s().equals(orderId));
    }

    private Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        return storefront.dynamoDb().getItem(request -> request.tableName(storefront.tableNames().get(table))
                .consistentRead(true).key(key)).item();
    }

    /** The items of a table that match (a scan: fine for a test's table). */
    private List<Map<String, AttributeValue>> items(String table, Predicate<Map<String, AttributeValue>> filter) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        storefront.dynamoDb().scanPaginator(request -> request.tableName(storefront.tableNames().get(table))
                .consistentRead(true)).items().forEach(item -> {
                    if (filter.test(item)) {
                        found.add(item);
                    }
                });
        return found;
    }
}
