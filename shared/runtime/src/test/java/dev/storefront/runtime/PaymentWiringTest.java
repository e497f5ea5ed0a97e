package dev.storefront.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.PaymentConfiguration;
import dev.storefront.platform.config.Setting;
import dev.storefront.platform.config.StripeConfiguration;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.function.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class PaymentWiringTest {

    /** A client that is never called: building the simulated provider makes no request. */
    private static final DynamoDbEnhancedClient UNUSED_DYNAMODB = DynamoDbClientFactory.enhanced(
            DynamoDbClientFactory.dynamoDb(Map.of(EnvVars.AWS_REGION, "us-east-1", EnvVars.AWS_ENDPOINT_URL,
                    "http://127.0.0.1:9"), DynamoDbClientFactory.httpClient()));
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-AbCdEf";

    private final Map<String, String> secretValues = new HashMap<>();
    private final List<String> secretReads = new CopyOnWriteArrayList<>();
    private final Secrets secrets = new Secrets(() -> new FakeSecretsManager());
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer stripe;

    @BeforeEach
    void startStripe() throws IOException {
        stripe = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stripe.createContext("/v1/payment_intents", exchange -> {
            try (exchange) {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{\"id\":\"pi_1\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        stripe.start();
    }

    @AfterEach
    void stopStripe() {
        stripe.stop(0);
    }

    @Test
    void provider_shouldBeSimulated_byDefault() {
        PaymentProvider provider = provider(Map.of(EnvVars.PAYMENTS_TABLE, "payments"));

        assertThat(provider.name()).isEqualTo("simulated");
        assertThat(secretReads).isEmpty();
    }

    @Test
    void provider_shouldBeStripe_withTheKeyOfTheSecret_inAws() {
        // given: the key as stored with a trailing newline
        secretValues.put(ARN, "sk_test_fromTheSecret\n");

        // when
        PaymentProvider provider = provider(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_SECRET_ARN, ARN, EnvVars.STRIPE_API_BASE, stripeUrl()));
        PaymentProvider.Charge charge = provider.capture("pay-1", Money.of(100, "USD"), "pm_card_visa", "o-1", "1");

        // then
        assertThat(provider.name()).isEqualTo("stripe");
        assertThat(secretReads).containsExactly(ARN);
        assertThat(charge).isEqualTo(PaymentProvider.Charge.captured("pi_1"));
        assertThat(authorizations).containsExactly("Bearer sk_test_fromTheSecret");
    }

    @Test
    void provider_shouldBeStripe_withTheKeyFromTheEnvironment_locally() {
        PaymentProvider provider = provider(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_API_KEY, "sk_test_local", EnvVars.STRIPE_API_BASE, stripeUrl()));
        provider.capture("pay-1", Money.of(100, "USD"), "pm_card_visa", "o-1", "1");

        assertThat(secretReads).isEmpty();
        assertThat(authorizations).containsExactly("Bearer sk_test_local");
    }

    @Test
    void provider_shouldFailNamingTheSetting_whenStripeHasNoKey() {
        assertThatThrownBy(() -> provider(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe"))).isInstanceOf(Setting.MissingSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_SECRET_ARN);
    }

    @Test
    void provider_shouldFailWithoutQuotingTheSecret_whenItHoldsNoApiKey() {
        // given: the webhook secret stored by mistake
        secretValues.put(ARN, "whsec_notAnApiKey");

        assertThatThrownBy(() -> provider(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_SECRET_ARN, ARN)))
                .isInstanceOf(Setting.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_SECRET_ARN)
                .hasMessageNotContaining("whsec_notAnApiKey");
    }

    @Test
    void provider_shouldFailNamingTheSetting_whenTheBaseUrlIsNoHttpUrl() {
        assertThatThrownBy(() -> provider(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_API_KEY, "sk_test_local", EnvVars.STRIPE_API_BASE, "localhost:12111")))
                .isInstanceOf(Setting.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_API_BASE);
    }

    @Test
    void provider_shouldRefuseAnUnknownProvider() {
        // the configuration itself refuses it, when the context creates it during the init
        assertThatThrownBy(() -> provider(Map.of(EnvVars.PAYMENT_PROVIDER, "paypal"))).rootCause()
                .isInstanceOf(Setting.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.PAYMENT_PROVIDER).hasMessageContaining("simulated or stripe");
    }

    private String stripeUrl() {
        return "http://127.0.0.1:" + stripe.getAddress().getPort();
    }

    /** The provider of a function whose environment is {@code variables}, configured as in Lambda. */
    private PaymentProvider provider(Map<String, String> variables) {
        try (ApplicationContext context = FunctionContexts.builder(variables).start()) {
            return PaymentWiring.provider(context.getBean(PaymentConfiguration.class),
                    context.getBean(StripeConfiguration.class), context.getBean(TableNames.class), UNUSED_DYNAMODB,
                    secrets);
        }
    }

    /** Secrets Manager answering {@link #secretValues}. */
    private final class FakeSecretsManager implements SecretsManagerClient {

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            secretReads.add(request.secretId());
            return GetSecretValueResponse.builder().arn(request.secretId())
                    .secretString(secretValues.get(request.secretId())).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
