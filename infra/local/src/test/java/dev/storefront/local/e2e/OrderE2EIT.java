package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.encode;
import static dev.storefront.local.e2e.Shop.assertMoney;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.orderIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A shopper's orders end to end, on the shop's shared stack: frozen prices, the paged list newest first, reading
 * and cancelling one's own orders only, and the stock a cancel returns (read through {@code GET /products/{id}},
 * whose cache entry the products stream evicts, and straight from the table where it must not move again).
 */
class OrderE2EIT extends SharedStackE2E {

    private static final String UNKNOWN_ORDER = "01UNKNOWNORDER000000000000";

    @Test
    void order_shouldKeepItsFrozenPrices_whenTheCatalogPriceChangesAfterCheckout() {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 10, 100);
        JsonNode placed = stack.placeOrder(shopper, product, 2).order();

        // when
        Map<String, AttributeValue> stored = stack.storedProduct(product);
        Response replaced = stack.replaceProduct(product, 4000, Integer.parseInt(stored.get("available").n()),
                stored.get("version").n());
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);

        // then
        JsonNode read = stack.getOrder(shopper, placed.path("orderId").asText()).json();
        assertMoney(read.path("items").get(0).path("unitPrice"), 1000);
        assertThat(read.path("subtotal")).isEqualTo(placed.path("subtotal"));
        assertThat(read.path("total")).isEqualTo(placed.path("total"));
        assertThat(stack.orders(shopper).json().path("items").get(0).path("total")).isEqualTo(placed.path("total"));
    }

    @Test
    void listOrders_shouldAnswerNewestFirst_andPagesShouldHoldEveryOrderOnce() {
        // given: five orders placed one after the other
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 50, 100);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(stack.placeOrder(shopper, product, 1).orderId());
        }
        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);

        // when
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            JsonNode body = stack.orders(shopper, "limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)))
                    .json();
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
        JsonNode all = stack.orders(shopper).json();
        assertThat(orderIds(all)).containsExactlyElementsOf(newestFirst);
        assertThat(all.path("nextCursor").isNull()).isTrue();
        assertThat(all.path("items").get(0).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void listOrders_shouldAnswer400_forABadLimitOrCursor() {
        // given: a shopper with two orders, so that a first page of one has a cursor
        Shopper shopper = stack.newShopper();
        Shopper other = stack.newShopper();
        String product = stack.createProduct(1000, 50, 100);
        stack.placeOrder(shopper, product, 1);
        stack.placeOrder(shopper, product, 1);
        String cursor = stack.orders(shopper, "limit=1").json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

        // then
        for (String limit : List.of("0", "101", "abc", "-1", "1.5", "")) {
            assertThat(errorFields(assertProblem(stack.orders(shopper, "limit=" + limit), 400))).as("limit=%s", limit)
                    .containsExactly("limit");
        }
        for (String bad : List.of(tampered, "abc", cursor + "x")) {
            JsonNode problem = assertProblem(stack.orders(shopper, "cursor=" + encode(bad)), 400);
            assertThat(problem.path("type").asText()).endsWith("/invalid-cursor");
            assertThat(errorFields(problem)).containsExactly("cursor");
        }
        assertThat(assertProblem(stack.orders(other, "cursor=" + encode(cursor)), 400).path("type").asText())
                .as("another shopper's cursor").endsWith("/invalid-cursor");
        assertThat(stack.orders(shopper, "limit=1&cursor=" + encode(cursor)).status()).isEqualTo(200);
    }

    @Test
    void getOrder_shouldAnswer404_forAnotherShoppersOrAnUnknownOrder() {
        Shopper owner = stack.newShopper();
        Shopper other = stack.newShopper();
        String orderId = stack.placeOrder(owner, stack.createProduct(1000, 5, 100), 1).orderId();

        JsonNode foreign = assertProblem(stack.getOrder(other, orderId), 404);
        JsonNode unknown = assertProblem(stack.getOrder(owner, UNKNOWN_ORDER), 404);

        assertThat(foreign.path("type").asText()).isEqualTo(unknown.path("type").asText());
        assertThat(foreign.path("detail").asText()).isEqualTo(unknown.path("detail").asText());
        assertThat(orderIds(stack.orders(other).json())).isEmpty();
    }

    @Test
    void cancel_shouldCancelThePendingOrder_returnTheStock_andAnswer409TheSecondTime() {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1000, 10, 100);
        String orderId = stack.placeOrder(shopper, product, 3).orderId();
        assertThat(stack.awaitPublicStock(product, 7)).isEqualTo(7);

        // when
        Response cancelled = stack.cancel(shopper, orderId);

        // then
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(stack.awaitPublicStock(product, 10)).isEqualTo(10);
        assertThat(stack.getOrder(shopper, orderId).json().path("status").asText()).isEqualTo("CANCELLED");
        JsonNode again = assertProblem(stack.cancel(shopper, orderId), 409);
        assertThat(again.path("type").asText()).endsWith("/order-not-cancellable");
        assertThat(stack.storedStock(product)).as("stock returned once").isEqualTo(10);
    }

    @Test
    void cancel_shouldAnswer404_forAnotherShoppersOrAnUnknownOrder() {
        Shopper owner = stack.newShopper();
        Shopper other = stack.newShopper();
        String product = stack.createProduct(1000, 10, 100);
        Placed placed = stack.placeOrder(owner, product, 2);

        assertProblem(stack.cancel(other, placed.orderId()), 404);
        assertProblem(stack.cancel(owner, UNKNOWN_ORDER), 404);

        assertThat(stack.getOrder(owner, placed.orderId()).json().path("status").asText())
                .isEqualTo("PENDING_PAYMENT");
        assertThat(stack.storedStock(product)).isEqualTo(8);
    }
}
