package dev.storefront.functions.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart priming of the checkout and order-expiry functions against moto (the local DynamoDB) and a real Redis. */
class CheckoutPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_CARTS_TABLE", "CartsTable",
            "STOREFRONT_ORDERS_TABLE", "OrdersTable",
            "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
            "STOREFRONT_PAYMENTS_TABLE", "PaymentsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_CURSOR_KEY", "priming-test-cursor-key-of-32-bytes-at-least",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void checkoutPriming_shouldReadOrdersAndQuoteForAnAbsentShopper_writingNothing() {
        // given
        CheckoutHandler handler = new CheckoutHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /orders/{orderId} (as caller)", "404", true),
                        tuple("GET /orders (as caller)", "200", true),
                        tuple("POST /checkout/quote (as caller)", "400", true),
                        tuple("GET /orders", "401", true));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.redisKeysAdded()).isEmpty();
    }

    @Test
    void orderExpiryPriming_shouldOnlyRead() {
        // given
        OrderExpiryHandler handler = new OrderExpiryHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome)
                .containsExactly(tuple("event parsing", "ok"), tuple("order read (absent id)", "ok"));
        assertThat(primed.itemChanges()).isEmpty();
    }
}
