package dev.storefront.functions.payment;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.runtime.PaymentWiring;
import dev.storefront.runtime.Secrets;
import dev.storefront.domain.payment.WebhookSignature;
import dev.storefront.platform.config.EnvVars;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the payment function on top of the shared {@code FunctionBeans}. */
@Factory
public class PaymentBeans {

    @Singleton
    PaymentProvider provider(Settings settings, DynamoDbEnhancedClient dynamoDb, Secrets secrets) {
        return PaymentWiring.provider(settings, dynamoDb, secrets);
    }

    @Singleton
    PaymentService paymentService(Settings settings, DynamoDbClient client, PaymentProvider provider, IdGenerator ids,
            Clock clock) {
        return PaymentWiring.paymentService(settings, client, provider, ids, clock);
    }

    @Singleton
    RequestPipeline pipeline(Settings settings, Secrets secrets, Clock clock, PaymentService payments,
            BusinessMetrics metrics, Authenticator authenticator, IdempotencyGuard idempotency, ErrorMapper errors) {
        String secret = settings.optional(EnvVars.PAYMENT_WEBHOOK_SECRET)
                .orElseGet(() -> secrets.string(settings.required(EnvVars.PAYMENT_WEBHOOK_SECRET_ARN)));
        WebhookSignature webhooks = new WebhookSignature(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new RequestPipeline(new PaymentApi(payments, webhooks, clock, metrics).routes(), authenticator, idempotency,
                errors);
    }
}
