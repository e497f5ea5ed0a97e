package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.PASSWORD;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.productBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.payment.WebhookSignature;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every input that becomes part of a DynamoDB key, at sizes DynamoDB refuses (a partition key over 2,048 bytes,
 * a sort key over 1,024), through every route that takes one: each answer is a clear 4xx, never a 5xx. The local
 * DynamoDB (moto, as {@code infra/moto} serves it) refuses such keys with DynamoDB's own ValidationException, so
 * an adapter that forgot to bound a key fails here as it would in AWS. Runs on the shop's shared stack.
 *
 * <p>The ids: 3,000 ASCII characters; 700 ideographic spaces (U+3000, 2,100 bytes, and whitespace that
 * {@code trim()} keeps); 1,100 two-byte characters (2,200 bytes, but fewer than 2,048 characters).
 */
class KeySizeE2EIT extends SharedStackE2E {

    private static final List<String> OVER_LONG = List.of("A".repeat(3000), "\u3000".repeat(700), "\u00e9".repeat(1100));

    private static Shopper shopper;

    @BeforeAll
    static void makeAShopper() {
        shopper = stack.newShopper();
        stack.createProduct(1500, 5, "Key size probe");
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
                        object("email", address, "password", PASSWORD)), 400, 401);
                check(failures, "POST /auth/signup", stack.http().post("/auth/signup",
                        object("email", address, "password", PASSWORD, "name", "Ada")), 400);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void webhookEventIds_shouldAnswer4xx_neverA5xx() {
        WebhookSignature signer = stack.webhookSigner();
        List<String> failures = new ArrayList<>();
        for (String id : OVER_LONG) {
            byte[] event = ("{\"id\":\"evt_" + id + "\",\"type\":\"charge.succeeded\",\"data\":{\"object\":"
                    + "{\"id\":\"sim_ch_x\",\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"orderId\":\"" + id
                    + "\",\"paymentId\":\"" + id + "\"}}}}").getBytes(StandardCharsets.UTF_8);
            check(failures, "POST /webhooks/payments", stack.webhook(event, signer.sign(event, Instant.now())), 200,
                    400);
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
        if (problem || Arrays.stream(expected).anyMatch(status -> status == response.status() && status < 300)) {
            return;
        }
        failures.add(route + ": " + response.status() + " " + response.body().substring(0,
                Math.min(200, response.body().length())));
    }

    private static Response send(String method, String path, Object body, String authorization) {
        if (body == null) {
            return stack.http().send(stack.http().request(path).header("Authorization", authorization)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
        HttpRequest.Builder request = stack.http().withBody(method, path, Http.text(body), Http.APPLICATION_JSON,
                "Authorization", authorization);
        if ("PUT".equals(method)) {
            request.header("If-Match", "\"1\"");
        }
        return stack.http().send(request.build());
    }

    private static ObjectNode product() {
        return productBody("Key size probe", 1500, 5, 300);
    }
}
