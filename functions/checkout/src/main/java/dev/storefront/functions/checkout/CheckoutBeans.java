package dev.storefront.functions.checkout;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.TaxRates;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.domain.order.OrderRefunds;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.dynamodb.DynamoDbCartRepository;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.StoreConfiguration;
import dev.storefront.platform.config.PaymentConfiguration;
import dev.storefront.platform.config.StripeConfiguration;
import dev.storefront.platform.config.CursorConfiguration;
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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Wiring of the checkout and order-expiry functions on top of the shared {@code FunctionBeans}. */
@Factory
public class CheckoutBeans {

    @Singleton
    CheckoutService checkoutService(TableNames tables, StoreConfiguration store, PaymentConfiguration payment,
            StripeConfiguration stripe, DynamoDbEnhancedClient dynamoDb, IdGenerator ids, Clock clock,
            Secrets secrets) {
        String products = tables.products();
        String carts = tables.carts();
        return new CheckoutService(new DynamoDbCartRepository(dynamoDb, carts),
                new DynamoDbProductRepository(dynamoDb, products),
                new DynamoDbOrderRepository(dynamoDb, tables.orders(), products, carts),
                new Pricing(store.shippingRates(), new TaxRates()), ids, clock, store.reservation(),
                // Cancelling a paid order refunds it: the payment service is built on the first such cancel and
                // kept (the order-expiry function shares this bean and has no payments table).
                new OrderRefunds() {
                    private PaymentService payments;

                    @Override
                    public synchronized void refundRemaining(String paymentId, String reason) {
                        if (payments == null) {
                            payments = PaymentWiring.paymentService(tables, dynamoDb,
                                    PaymentWiring.provider(payment, stripe, tables, dynamoDb, secrets), ids, clock);
                        }
                        payments.refundRemaining(paymentId, reason);
                    }
                });
    }

    @Singleton
    RequestPipeline pipeline(CursorConfiguration cursor, Secrets secrets, CheckoutService checkout, Clock clock,
            BusinessMetrics metrics, Authenticator authenticator, IdempotencyGuard idempotency, ErrorMapper errors) {
        SignedCursors cursors = new SignedCursors(CursorKeys.load(cursor, secrets));
        return new RequestPipeline(new CheckoutApi(checkout, cursors, clock, metrics).routes(), authenticator, idempotency,
                errors);
    }
}
