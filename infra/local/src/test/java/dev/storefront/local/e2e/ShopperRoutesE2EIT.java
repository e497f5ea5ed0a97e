package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.checkoutBody;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Who may use the routes of role shopper (cart, checkout, orders), on the shop's shared stack: no token or a
 * tampered one is a 401, a token without the shopper role a 403.
 */
class ShopperRoutesE2EIT extends SharedStackE2E {

    @Test
    void shopperRoutes_shouldAnswer401_withoutATokenOrWithATamperedOne() {
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(500, 5, 100);
        stack.addItem(shopper, product, 1);
        String tampered = "Bearer " + AccessTokens.withPayloadChanged(shopper.authorization().substring(7));

        for (Function<String[], HttpRequest> route : shopperRoutes(product)) {
            Response anonymous = stack.http().send(route.apply(new String[] {"Accept", "application/json"}));
            Response forged = stack.http().send(route.apply(new String[] {"Authorization", tampered}));

            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertProblem(forged, 401);
            assertThat(forged.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(line(stack.cart(shopper).json(), product).path("quantity").asInt()).isEqualTo(1);
    }

    /**
     * {@code Access.role(SHOPPER)} admits exactly the tokens whose roles include {@code shopper}: the seeded admin
     * has both roles (a store's staff can shop), a token with the admin role alone gets 403.
     */
    @Test
    void shopperRoutes_shouldAdmitTheSeededAdmin_andAnswer403ToAnAdminOnlyToken() {
        String product = stack.createProduct(500, 5, 100);
        String adminOnly = "Bearer " + stack.tokens().signed("admin-only-" + UUID.randomUUID(),
                claims -> claims.claim("roles", List.of("admin")));

        Response asAdmin = stack.http().get("/cart", "Authorization", stack.admin());

        assertThat(asAdmin.status()).as("%s", asAdmin).isEqualTo(200);
        for (Function<String[], HttpRequest> route : shopperRoutes(product)) {
            assertProblem(stack.http().send(route.apply(new String[] {"Authorization", adminOnly})), 403);
        }
    }

    /** Every route of role shopper, with the given headers. */
    private static List<Function<String[], HttpRequest>> shopperRoutes(String productId) {
        Http http = stack.http();
        return List.of(
                headers -> http.request("/cart").headers(headers).GET().build(),
                headers -> http.jsonPost("/cart/items", object("productId", productId, "quantity", 1), headers),
                headers -> http.withBody("PUT", "/cart/items/" + productId, Http.text(object("quantity", 2)),
                        Http.APPLICATION_JSON, headers).build(),
                headers -> http.request("/cart/items/" + productId).headers(headers).DELETE().build(),
                headers -> http.request("/cart").headers(headers).DELETE().build(),
                headers -> http.jsonPost("/checkout/quote", checkoutBody("standard"), headers),
                headers -> http.jsonPost("/checkout", checkoutBody("standard"), append(headers, "Idempotency-Key",
                        key())),
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
}
