package dev.storefront.shippingfn;

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
 * SnapStart priming of the shipping and shipment-creator functions against DynamoDB Local and a real Redis.
 * (CRaC cannot checkpoint a normal JDK: {@code prime()} is what the handlers' {@code beforeCheckpoint} runs.)
 */
class ShippingPrimingIT {

    private static FunctionTestEnvironment environment;

    @BeforeAll
    static void start() {
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), ShippingPrimingIT.class, Map.of(
                "STOREFRONT_ORDERS_TABLE", "OrdersTable",
                "STOREFRONT_SHIPMENTS_TABLE", "ShipmentsTable",
                "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
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
    void shippingPriming_shouldQuoteRates_andReadAnAbsentShipment_writingNothing() {
        // given
        ShippingHandler handler = new ShippingHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /shipping/rates", "200", true),
                        tuple("GET /orders/{orderId}/shipment (as caller)", "404", true),
                        tuple("GET /orders/{orderId}/shipment", "401", true));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        assertThat(after.redisKeysAddedSince(before)).isEmpty();
    }

    @Test
    void shipmentCreatorPriming_shouldOnlyRead() {
        // given
        ShipmentCreator handler = new ShipmentCreator();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome)
                .containsExactly(tuple("event parsing", "ok"), tuple("order read (absent id)", "ok"));
        assertThat(StoreSnapshot.of(environment).itemChangesSince(before)).isEmpty();
    }
}
