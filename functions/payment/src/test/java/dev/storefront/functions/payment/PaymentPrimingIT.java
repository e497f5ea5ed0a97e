package dev.storefront.functions.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart priming of the payment function against moto (the local DynamoDB) and a real Redis. */
class PaymentPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_PAYMENTS_TABLE", "PaymentsTable",
            "STOREFRONT_ORDERS_TABLE", "OrdersTable",
            "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
            "STOREFRONT_CARTS_TABLE", "CartsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_PAYMENT_WEBHOOK_SECRET", "whsec_priming-test-secret",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void prime_shouldReadAnAbsentPayment_andRefuseAnUnsignedWebhook_writingNothing() {
        // given
        PaymentHandler handler = new PaymentHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /payments/{paymentId} (as caller)", "404", true),
                        tuple("POST /webhooks/payments", "400", true),
                        tuple("GET /payments/{paymentId}", "401", true));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.redisKeysAdded()).isEmpty();
    }
}
