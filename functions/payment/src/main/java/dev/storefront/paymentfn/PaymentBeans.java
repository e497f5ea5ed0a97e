package dev.storefront.paymentfn;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbPaymentRepository;
import dev.storefront.dynamodb.SimulatedPaymentProvider;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the payment function on top of the shared {@code FunctionBeans}. */
@Factory
public class PaymentBeans {

    @Singleton
    PaymentProvider provider(Settings settings, DynamoDbClient client) {
        String name = settings.orDefault(EnvVars.PAYMENT_PROVIDER, "simulated");
        if (!name.equals("simulated")) {
            throw new Settings.InvalidSettingException(EnvVars.PAYMENT_PROVIDER, "must be simulated (the only provider "
                    + "built so far)");
        }
        return new SimulatedPaymentProvider(client, settings.required(EnvVars.PAYMENTS_TABLE));
    }

    @Singleton
    PaymentService paymentService(Settings settings, DynamoDbClient client, PaymentProvider provider, IdGenerator ids,
            Clock clock) {
        String orders = settings.required(EnvVars.ORDERS_TABLE);
        return new PaymentService(new DynamoDbOrderRepository(client, orders, settings.required(EnvVars.PRODUCTS_TABLE),
                settings.required(EnvVars.CARTS_TABLE)),
                new DynamoDbPaymentRepository(client, settings.required(EnvVars.PAYMENTS_TABLE), orders), provider, ids,
                clock);
    }

    @Singleton
    RequestPipeline pipeline(PaymentService payments, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        return new RequestPipeline(new PaymentApi(payments).routes(), authenticator, idempotency, errors);
    }
}
