package dev.storefront.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEnvironmentTest {

    private static final Map<String, String> STRIPE = Map.of("STOREFRONT_PAYMENT_PROVIDER", "stripe",
            "STOREFRONT_STRIPE_API_KEY", "sk_test_local", "STOREFRONT_STRIPE_API_BASE", "http://127.0.0.1:12111");

    @Test
    void forFunction_shouldGiveTheStripeSettingsOnlyToFunctionsThatTakePayments() {
        FunctionDefinition payment = function("PaymentFunction", Map.of("STOREFRONT_PAYMENT_PROVIDER", "simulated",
                "STOREFRONT_PAYMENTS_TABLE", "payments"));
        FunctionDefinition cart = function("CartFunction", Map.of("STOREFRONT_CARTS_TABLE", "carts"));

        Map<String, String> paymentEnv = LocalEnvironment.forFunction(payment, STRIPE, "us-east-1");
        Map<String, String> cartEnv = LocalEnvironment.forFunction(cart, STRIPE, "us-east-1");

        assertThat(paymentEnv).containsAllEntriesOf(STRIPE);
        assertThat(cartEnv).doesNotContainKeys("STOREFRONT_PAYMENT_PROVIDER", "STOREFRONT_STRIPE_API_KEY",
                "STOREFRONT_STRIPE_API_BASE");
        assertThat(cartEnv).containsEntry("STOREFRONT_CARTS_TABLE", "carts");
    }

    @Test
    void fromEnvironment_shouldPassTheStripeSettings_onlyWhenAProviderIsNamed() {
        Path template = Path.of("../../template.yaml");
        Map<String, String> chosen = LocalOptions.fromEnvironment(STRIPE, template).build().environmentOverrides();
        Map<String, String> unnamed = LocalOptions.fromEnvironment(Map.of("STOREFRONT_STRIPE_API_KEY", "sk_test_x"),
                template).build().environmentOverrides();

        assertThat(chosen).containsAllEntriesOf(STRIPE);
        assertThat(unnamed).doesNotContainKey("STOREFRONT_STRIPE_API_KEY");
    }

    private static FunctionDefinition function(String logicalId, Map<String, String> environment) {
        return new FunctionDefinition(logicalId, logicalId, "x.Handler::handleRequest", Path.of("x.zip"), "java21",
                10, 1024, environment, List.of(), List.of(), List.of());
    }
}
