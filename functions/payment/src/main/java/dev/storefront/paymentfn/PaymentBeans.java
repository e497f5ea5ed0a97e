package dev.storefront.paymentfn;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.runtime.PaymentWiring;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the payment function on top of the shared {@code FunctionBeans}. */
@Factory
public class PaymentBeans {

    @Singleton
    PaymentProvider provider(Settings settings, DynamoDbClient client) {
        return PaymentWiring.provider(settings, client);
    }

    @Singleton
    PaymentService paymentService(Settings settings, DynamoDbClient client, PaymentProvider provider, IdGenerator ids,
            Clock clock) {
        return PaymentWiring.paymentService(settings, client, provider, ids, clock);
    }

    @Singleton
    RequestPipeline pipeline(PaymentService payments, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        return new RequestPipeline(new PaymentApi(payments).routes(), authenticator, idempotency, errors);
    }
}
