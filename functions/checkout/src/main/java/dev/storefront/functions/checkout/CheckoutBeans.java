package dev.storefront.functions.checkout;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.ShippingRates;
import dev.storefront.domain.checkout.TaxRates;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.domain.order.OrderRefunds;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.dynamodb.DynamoDbCartRepository;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.http.SignedCursors;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.runtime.CursorKeys;
import dev.storefront.runtime.PaymentWiring;
import dev.storefront.runtime.Secrets;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wiring of the checkout and order-expiry functions on top of the shared {@code FunctionBeans}. */
@Factory
public class CheckoutBeans {

    @Singleton
    CheckoutService checkoutService(Settings settings, DynamoDbClient client, DynamoDbEnhancedClient dynamoDb,
            IdGenerator ids, Clock clock, Secrets secrets) {
        String products = settings.required(EnvVars.PRODUCTS_TABLE);
        String carts = settings.required(EnvVars.CARTS_TABLE);
        String currency = settings.orDefault(EnvVars.CURRENCY, "USD");
        int reservation = settings.integer(EnvVars.RESERVATION_TTL_SECONDS, 900);
        if (reservation < 1) {
            throw new Settings.InvalidSettingException(EnvVars.RESERVATION_TTL_SECONDS, "must be at least 1");
        }
        ShippingRates rates = new ShippingRates(
                settings.orDefault(EnvVars.STORE_COUNTRY, ShippingRates.DEFAULT_STORE_COUNTRY), currency,
                Long.parseLong(settings.orDefault(EnvVars.FREE_SHIPPING_THRESHOLD,
                        Long.toString(ShippingRates.DEFAULT_FREE_SHIPPING_THRESHOLD))));
        return new CheckoutService(new DynamoDbCartRepository(client, carts),
                new DynamoDbProductRepository(dynamoDb, products),
                new DynamoDbOrderRepository(client, settings.required(EnvVars.ORDERS_TABLE), products, carts),
                new Pricing(rates, new TaxRates()), ids, clock, Duration.ofSeconds(reservation),
                // Cancelling a paid order refunds it: the payment service is built on the first such cancel and
                // kept (the order-expiry function shares this bean and has no payments table).
                new OrderRefunds() {
                    private PaymentService payments;

                    @Override
                    public synchronized void refundRemaining(String paymentId, String reason) {
                        if (payments == null) {
                            payments = PaymentWiring.paymentService(settings, client,
                                    PaymentWiring.provider(settings, dynamoDb, secrets), ids, clock);
                        }
                        payments.refundRemaining(paymentId, reason);
                    }
                });
    }

    @Singleton
    RequestPipeline pipeline(Settings settings, Secrets secrets, CheckoutService checkout, Clock clock,
            BusinessMetrics metrics, Authenticator authenticator, IdempotencyGuard idempotency, ErrorMapper errors) {
        SignedCursors cursors = new SignedCursors(CursorKeys.load(settings, secrets));
        return new RequestPipeline(new CheckoutApi(checkout, cursors, clock, metrics).routes(), authenticator, idempotency,
                errors);
    }
}
