package dev.storefront.runtime;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbPaymentRepository;
import dev.storefront.dynamodb.SimulatedPaymentProvider;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The payment service as every function that takes or gives back money builds it (payment: capture and
 * refunds; checkout: the refund of a cancelled paid order): one provider choice, one set of tables.
 */
public final class PaymentWiring {

    private PaymentWiring() {
    }

    /** The configured provider ({@code STOREFRONT_PAYMENT_PROVIDER}, default {@code simulated}). */
    public static PaymentProvider provider(Settings settings, DynamoDbClient client) {
        String name = settings.orDefault(EnvVars.PAYMENT_PROVIDER, "simulated");
        if (!name.equals("simulated")) {
            throw new Settings.InvalidSettingException(EnvVars.PAYMENT_PROVIDER,
                    "must be simulated (the only provider built so far)");
        }
        return new SimulatedPaymentProvider(client, settings.required(EnvVars.PAYMENTS_TABLE));
    }

    public static PaymentService paymentService(Settings settings, DynamoDbClient client, PaymentProvider provider,
            IdGenerator ids, Clock clock) {
        String orders = settings.required(EnvVars.ORDERS_TABLE);
        return new PaymentService(new DynamoDbOrderRepository(client, orders, settings.required(EnvVars.PRODUCTS_TABLE),
                settings.required(EnvVars.CARTS_TABLE)),
                new DynamoDbPaymentRepository(client, settings.required(EnvVars.PAYMENTS_TABLE), orders), provider, ids,
                clock);
    }
}
