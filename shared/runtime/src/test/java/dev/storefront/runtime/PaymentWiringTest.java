package dev.storefront.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class PaymentWiringTest {

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
        PaymentProvider provider = PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENTS_TABLE, "payments")), null,
                secrets);

        assertThat(provider.name()).isEqualTo("simulated");
        assertThat(secretReads).isEmpty();
    }

    @Test
    void provider_shouldBeStripe_withTheKeyOfTheSecret_inAws() {
        // given: the key as stored with a trailing newline
        secretValues.put(ARN, "sk_test_fromTheSecret\n");

        // when
        PaymentProvider provider = PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_SECRET_ARN, ARN, EnvVars.STRIPE_API_BASE, stripeUrl())), null, secrets);
        PaymentProvider.Charge charge = provider.capture("pay-1", Money.of(100, "USD"), "pm_card_visa", "o-1", "1");

        // then
        assertThat(provider.name()).isEqualTo("stripe");
        assertThat(secretReads).containsExactly(ARN);
        assertThat(charge).isEqualTo(PaymentProvider.Charge.captured("pi_1"));
        assertThat(authorizations).containsExactly("Bearer sk_test_fromTheSecret");
    }

    @Test
    void provider_shouldBeStripe_withTheKeyFromTheEnvironment_locally() {
        PaymentProvider provider = PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_API_KEY, "sk_test_local", EnvVars.STRIPE_API_BASE, stripeUrl())), null, secrets);
        provider.capture("pay-1", Money.of(100, "USD"), "pm_card_visa", "o-1", "1");

        assertThat(secretReads).isEmpty();
        assertThat(authorizations).containsExactly("Bearer sk_test_local");
    }

    @Test
    void provider_shouldFailNamingTheSetting_whenStripeHasNoKey() {
        assertThatThrownBy(() -> PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe")), null,
                secrets)).isInstanceOf(Settings.MissingSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_SECRET_ARN);
    }

    @Test
    void provider_shouldFailWithoutQuotingTheSecret_whenItHoldsNoApiKey() {
        // given: the webhook secret stored by mistake
        secretValues.put(ARN, "whsec_notAnApiKey");

        assertThatThrownBy(() -> PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_SECRET_ARN, ARN)), null, secrets))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_SECRET_ARN)
                .hasMessageNotContaining("whsec_notAnApiKey");
    }

    @Test
    void provider_shouldFailNamingTheSetting_whenTheBaseUrlIsNoHttpUrl() {
        assertThatThrownBy(() -> PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "stripe",
                EnvVars.STRIPE_API_KEY, "sk_test_local", EnvVars.STRIPE_API_BASE, "localhost:12111")), null, secrets))
                .isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.STRIPE_API_BASE);
    }

    @Test
    void provider_shouldRefuseAnUnknownProvider() {
        assertThatThrownBy(() -> PaymentWiring.provider(settings(Map.of(EnvVars.PAYMENT_PROVIDER, "paypal")), null,
                secrets)).isInstanceOf(Settings.InvalidSettingException.class)
                .hasMessageContaining(EnvVars.PAYMENT_PROVIDER).hasMessageContaining("simulated or stripe");
    }

    private String stripeUrl() {
        return "http://127.0.0.1:" + stripe.getAddress().getPort();
    }

    private static Settings settings(Map<String, String> variables) {
        return new Settings(variables);
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
