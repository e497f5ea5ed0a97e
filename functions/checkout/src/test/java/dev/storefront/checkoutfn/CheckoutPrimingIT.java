package dev.storefront.checkoutfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.FunctionTestEnvironment;
import dev.storefront.localcloud.StoreSnapshot;
import dev.storefront.platform.snapstart.PrimingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming of the checkout and order-expiry functions against DynamoDB Local and a real Redis. (CRaC
 * cannot checkpoint a normal JDK: {@code prime()} is what the handlers' {@code beforeCheckpoint} runs.)
 */
class CheckoutPrimingIT {

    private static FunctionTestEnvironment environment;

    @BeforeAll
    static void start() {
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), CheckoutPrimingIT.class, Map.of(
                "STOREFRONT_CARTS_TABLE", "CartsTable",
                "STOREFRONT_ORDERS_TABLE", "OrdersTable",
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_PAYMENTS_TABLE", "PaymentsTable",
                "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
                "STOREFRONT_CURSOR_KEY", "priming-test-cursor-key-of-32-bytes-at-least",
                "STOREFRONT_JWT_ISSUER", "https://storefront.test/auth",
                "STOREFRONT_JWT_AUDIENCE", "storefront-api",
                "STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(SigningKeys.generate()),
                "STOREFRONT_CURRENCY", "USD"));
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void checkoutPriming_shouldReadOrdersAndQuoteForAnAbsentShopper_writingNothing() {
        // given
        CheckoutHandler handler = new CheckoutHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /orders/{orderId} (as caller)", "404", true),
                        tuple("GET /orders (as caller)", "200", true),
                        tuple("POST /checkout/quote (as caller)", "400", true),
                        tuple("GET /orders", "401", true));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        assertThat(after.redisKeysAddedSince(before)).isEmpty();
    }

    @Test
    void orderExpiryPriming_shouldOnlyRead() {
        // given
        OrderExpiryHandler handler = new OrderExpiryHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome)
                .containsExactly(tuple("event parsing", "ok"), tuple("order read (absent id)", "ok"));
        assertThat(StoreSnapshot.of(environment).itemChangesSince(before)).isEmpty();
    }
}
