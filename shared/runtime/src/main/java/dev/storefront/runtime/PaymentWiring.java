package dev.storefront.runtime;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.dynamodb.DynamoDbOrderRepository;
import dev.storefront.dynamodb.DynamoDbPaymentRepository;
import dev.storefront.dynamodb.SimulatedPaymentProvider;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.PaymentConfiguration;
import dev.storefront.platform.config.Setting;
import dev.storefront.platform.config.StripeConfiguration;
import dev.storefront.platform.config.TableNames;
import dev.storefront.stripe.StripePaymentProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The payment service as every function that takes or gives back money builds it (payment: capture and
 * refunds; checkout: the refund of a cancelled paid order): one provider choice, one set of tables.
 */
public final class PaymentWiring {

    static final Duration STRIPE_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Shorter than the adapter's default: the functions time out after 10 s, and a Stripe call that gives up
     * at 7 s still answers a clean 503 (retry with the same key) instead of dying with the invocation.
     */
    static final Duration STRIPE_REQUEST_TIMEOUT = Duration.ofSeconds(7);

    private PaymentWiring() {
    }

    /**
     * The configured provider ({@code STOREFRONT_PAYMENT_PROVIDER}): {@code simulated} (default) or {@code stripe},
     * whose API key is the secret {@code STOREFRONT_STRIPE_SECRET_ARN} names - or, locally and in tests,
     * {@code STOREFRONT_STRIPE_API_KEY} itself, with {@code STOREFRONT_STRIPE_API_BASE} pointing at e.g. a
     * stripe-mock.
     */
    public static PaymentProvider provider(PaymentConfiguration payment, StripeConfiguration stripe, TableNames tables,
            DynamoDbEnhancedClient dynamoDb, Secrets secrets) {
        return switch (payment.provider()) {
            case "stripe" -> stripe(stripe, secrets);
            default -> new SimulatedPaymentProvider(dynamoDb, tables.payments());
        };
    }

    public static PaymentService paymentService(TableNames tables, DynamoDbEnhancedClient dynamoDb,
            PaymentProvider provider, IdGenerator ids, Clock clock) {
        String orders = tables.orders();
        return new PaymentService(new DynamoDbOrderRepository(dynamoDb, orders, tables.products(), tables.carts()),
                new DynamoDbPaymentRepository(dynamoDb, tables.payments(), orders), provider, ids, clock);
    }

    private static PaymentProvider stripe(StripeConfiguration stripe, Secrets secrets) {
        URI base = stripe.localApiBase().map(PaymentWiring::httpUrl).orElse(StripePaymentProvider.DEFAULT_BASE_URL);
        boolean local = stripe.localApiKey().isPresent();
        String key = local ? stripe.apiKey()
                : Objects.requireNonNullElse(secrets.string(stripe.requiredSecretArn()), "").trim();
        try {
            return new StripePaymentProvider(key, base, STRIPE_CONNECT_TIMEOUT, STRIPE_REQUEST_TIMEOUT);
        } catch (IllegalArgumentException e) {
            // The key stays out of the message.
            throw local ? new Setting.InvalidSettingException(EnvVars.STRIPE_API_KEY,
                    "must be a Stripe secret key sk_... or restricted key rk_...")
                    : new Setting.InvalidSettingException(EnvVars.STRIPE_SECRET_ARN,
                            "must name a secret whose value is a Stripe secret key sk_... or restricted key rk_...");
        }
    }

    private static URI httpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new Setting.InvalidSettingException(EnvVars.STRIPE_API_BASE, "must be an http(s) URL");
    }
}
