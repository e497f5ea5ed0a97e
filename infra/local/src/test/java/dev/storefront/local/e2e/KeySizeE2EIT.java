package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.payment.WebhookSignature;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.local.e2e.Shop.Stack;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every input that becomes part of a DynamoDB key, at sizes DynamoDB refuses (a partition key over 2,048 bytes,
 * a sort key over 1,024), through every route that takes one: each answer is a clear 4xx, never a 5xx. The local
 * DynamoDB (moto, as {@code infra/moto} serves it) refuses such keys with DynamoDB's own ValidationException, so
 * an adapter that forgot to bound a key fails here as it would in AWS.
 *
 * <p>The ids: 3,000 ASCII characters; 700 ideographic spaces (U+3000, 2,100 bytes, and whitespace that
 * {@code trim()} keeps); 1,100 two-byte characters (2,200 bytes, but fewer than 2,048 characters).
 */
class KeySizeE2EIT {

    private static final List<String> OVER_LONG = List.of("A".repeat(3000), "\u3000".repeat(700), "\u00e9".repeat(1100));

    private static Stack stack;
    private static Shopper shopper;
    private static String productId;

    @BeforeAll
    static void startStorefront() {
        stack = Stack.start(Map.of());
        shopper = stack.newShopper();
        productId = stack.createProduct(1500, 5, "Key size probe");
    }

    @AfterAll
    static void stopStorefront() {
        if (stack != null) {
            stack.storefront().close();
        }
    }

    @Test
    void idsInPaths_shouldAnswer4xx_neverA5xx() {
        List<String> failures = new ArrayList<>();
        for (String id : OVER_LONG) {
            String path = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            check(failures, "GET /products/{id}", stack.http().get("/products/" + path), 404);
            check(failures, "PUT /admin/products/{id}", send("PUT", "/admin/products/" + path, product(), stack.admin()), 404);
            check(failures, "PUT /admin/products/{id}/stock", send("PUT", "/admin/products/" + path + "/stock",
                    object("available", 3), stack.admin()), 404);
            check(failures, "DELETE /admin/products/{id}", send("DELETE", "/admin/products/" + path, null, stack.admin()), 404);
            check(failures, "PUT /cart/items/{id}", send("PUT", "/cart/items/" + path, object("quantity", 1),
                    shopper.authorization()), 404);
            check(failures, "DELETE /cart/items/{id}", send("DELETE", "/cart/items/" + path, null,
                    shopper.authorization()), 404);
            check(failures, "GET /orders/{id}", stack.getOrder(shopper, path), 404);
            check(failures, "POST /orders/{id}/cancel", stack.cancel(shopper, path), 404);
            check(failures, "GET /orders/{id}/shipment", stack.http().get("/orders/" + path + "/shipment",
                    "Authorization", shopper.authorization()), 404);
            check(failures, "GET /payments/{id}", stack.getPayment(shopper, path), 404);
            check(failures, "POST /payments/{id}/refunds", stack.http().send(stack.http().jsonPost(
                    "/payments/" + path + "/refunds", object(), "Authorization", stack.admin(), "Idempotency-Key", key())), 404);
            check(failures, "POST /admin/shipments/{id}/events", stack.http().post("/admin/shipments/" + path + "/events",
                    object("status", "IN_TRANSIT"), "Authorization", stack.admin()), 404);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void idsInBodies_shouldAnswer4xx_neverA5xx() {
        List<String> failures = new ArrayList<>();
        for (String id : OVER_LONG) {
            check(failures, "POST /cart/items", stack.addItem(shopper, id, 1), 404);
            check(failures, "POST /payments", stack.pay(shopper, id, "tok_visa", key()), 404);
            check(failures, "POST /admin/products (sku)", stack.http().post("/admin/products",
                    product().put("sku", id), "Authorization", stack.admin()), 400);
        }
        assertThat(failures).isEmpty();
        assertThat(stack.cart(shopper).json().path("items")).as("nothing was added").isEmpty();
    }

    @Test
    void emails_shouldAnswer4xx_neverA5xx() {
        List<String> failures = new ArrayList<>();
        for (String padding : OVER_LONG) {
            String email = "ada" + padding + "@example.com";
            String padded = padding + "ada@example.com" + padding;
            for (String address : List.of(email, padded)) {
                check(failures, "POST /auth/login", stack.http().post("/auth/login",
                        object("email", address, "password", Shop.PASSWORD)), 400, 401);
                check(failures, "POST /auth/signup", stack.http().post("/auth/signup",
                        object("email", address, "password", Shop.PASSWORD, "name", "Ada")), 400);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void webhookEventIds_shouldAnswer4xx_neverA5xx() {
        WebhookSignature signer = new WebhookSignature(stack.storefront().environment("PaymentFunction")
                .get("STOREFRONT_PAYMENT_WEBHOOK_SECRET").getBytes(StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        for (String id : OVER_LONG) {
            byte[] event = ("{\"id\":\"evt_" + id + "\",\"type\":\"charge.succeeded\",\"data\":{\"object\":"
                    + "{\"id\":\"sim_ch_x\",\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"orderId\":\"" + id
                    + "\",\"paymentId\":\"" + id + "\"}}}}").getBytes(StandardCharsets.UTF_8);
            Response response = stack.http().send(stack.http().request("/webhooks/payments")
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", signer.sign(event, Instant.now()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build());
            check(failures, "POST /webhooks/payments", response, 200, 400);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void idempotencyKeys_shouldAnswer4xx_neverA5xx() {
        List<String> failures = new ArrayList<>();
        for (Function<String, HttpRequest> request : List.<Function<String, HttpRequest>>of(
                k -> stack.checkoutRequest(shopper, k),
                k -> stack.payRequest(shopper, "no-such-order", "tok_visa", k))) {
            for (String id : List.of("k".repeat(3000), "k".repeat(1100))) {
                check(failures, "Idempotency-Key", stack.http().send(request.apply(id)), 400);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A 4xx problem is right (which one depends on the route); an expected 2xx is listed with the 4xx allowed. */
    private static void check(List<String> failures, String route, Response response, int... expected) {
        boolean problem = response.status() >= 400 && response.status() < 500
                && response.header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
        if (problem || java.util.Arrays.stream(expected).anyMatch(status -> status == response.status() && status < 300)) {
            return;
        }
        failures.add(route + ": " + response.status() + " " + response.body().substring(0,
                Math.min(200, response.body().length())));
    }

    private static Response send(String method, String path, Object body, String authorization) {
        HttpRequest.Builder request = stack.http().request(path).header("Authorization", authorization);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Http.text(body), StandardCharsets.UTF_8));
        }
        if ("PUT".equals(method)) {
            request.header("If-Match", "\"1\"");
        }
        return stack.http().send(request.build());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode product() {
        return object("sku", "SKU-" + java.util.UUID.randomUUID(), "name", "Key size probe",
                "description", "Probe.", "category", "Fixtures", "brand", "Storefront",
                "price", object("amount", 1500, "currency", "USD"), "stock", object("available", 5),
                "weightGrams", 300);
    }
}
