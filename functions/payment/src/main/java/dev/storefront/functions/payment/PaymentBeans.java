package dev.storefront.functions.payment;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.PaymentConfiguration;
import dev.storefront.platform.config.StripeConfiguration;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.runtime.PaymentWiring;
import dev.storefront.runtime.Secrets;
import dev.storefront.domain.payment.WebhookSignature;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Wiring of the payment function on top of the shared {@code FunctionBeans}. */
@Factory
public class PaymentBeans {

    @Singleton
    PaymentProvider provider(PaymentConfiguration payment, StripeConfiguration stripe, TableNames tables,
            DynamoDbEnhancedClient dynamoDb, Secrets secrets) {
        return PaymentWiring.provider(payment, stripe, tables, dynamoDb, secrets);
    }

    @Singleton
    PaymentService paymentService(TableNames tables, DynamoDbEnhancedClient dynamoDb, PaymentProvider provider,
            IdGenerator ids, Clock clock) {
        return PaymentWiring.paymentService(tables, dynamoDb, provider, ids, clock);
    }

    @Singleton
    RequestPipeline pipeline(PaymentConfiguration payment, Secrets secrets, Clock clock, PaymentService payments,
            BusinessMetrics metrics, Authenticator authenticator, IdempotencyGuard idempotency, ErrorMapper errors) {
        String secret = payment.localWebhookSecret().orElseGet(() -> secrets.string(payment.requiredWebhookSecretArn()));
        WebhookSignature webhooks = new WebhookSignature(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new RequestPipeline(new PaymentApi(payments, webhooks, clock, metrics).routes(), authenticator, idempotency,
                errors);
    }
}
