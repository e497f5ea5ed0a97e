package dev.storefront.functions.shipping;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.shipment.ShipmentService;
import dev.storefront.domain.shipment.TrackingNumbers;
import dev.storefront.dynamodb.DynamoDbShipmentRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.StoreConfiguration;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Wiring of the shipping and shipment-creator functions on top of the shared {@code FunctionBeans}. */
@Factory
public class ShippingBeans {

    @Singleton
    ShippingRates shippingRates(StoreConfiguration store) {
        return store.shippingRates();
    }

    @Singleton
    ShipmentService shipmentService(TableNames tables, DynamoDbEnhancedClient dynamoDb, ShippingRates rates,
            SecureRandom random, IdGenerator ids, Clock clock) {
        return new ShipmentService(new DynamoDbShipmentRepository(dynamoDb, tables.shipments(), tables.orders()),
                rates, new TrackingNumbers(random), ids, clock);
    }

    @Singleton
    RequestPipeline pipeline(ShippingRates rates, ShipmentService shipments, Authenticator authenticator,
            IdempotencyGuard idempotency, ErrorMapper errors) {
        return new RequestPipeline(new ShippingApi(rates, shipments).routes(), authenticator, idempotency, errors);
    }
}
