package dev.storefront.functions.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming of the shipping and shipment-creator functions against moto (the local DynamoDB)
 * and a real Redis.
 */
class ShippingPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_ORDERS_TABLE", "OrdersTable",
            "STOREFRONT_SHIPMENTS_TABLE", "ShipmentsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void shippingPriming_shouldQuoteRates_andReadAnAbsentShipment_writingNothing() {
        // given
        ShippingHandler handler = new ShippingHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /shipping/rates", "200", true),
                        tuple("GET /orders/{orderId}/shipment (as caller)", "404", true),
                        tuple("GET /orders/{orderId}/shipment", "401", true));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.redisKeysAdded()).isEmpty();
    }

    @Test
    void shipmentCreatorPriming_shouldOnlyRead() {
        // given
        ShipmentCreationHandler handler = new ShipmentCreationHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome)
                .containsExactly(tuple("event parsing", "ok"), tuple("order read (absent id)", "ok"));
        assertThat(primed.itemChanges()).isEmpty();
    }
}
