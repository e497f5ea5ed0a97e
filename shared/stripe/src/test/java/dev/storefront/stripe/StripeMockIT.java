package dev.storefront.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider.Charge;
import dev.storefront.domain.payment.PaymentProvider.ProviderUnavailableException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against <a href="https://github.com/stripe/stripe-mock">stripe-mock</a> (v0.203.0), started on
 * loopback with {@code -strict-version-check}. The binary is {@code STRIPE_MOCK_BIN} (system property or
 * environment variable; {@code .ci/run} installs it into {@code .ci/.gobin}) or {@code stripe-mock} on the
 * {@code PATH}; without one every test is skipped (reported as skipped). A {@code STRIPE_MOCK_BIN} that names no
 * executable fails instead: a CI set-up error must not pass as a skip.
 *
 * <p>What this verifies: stripe-mock validates every request against Stripe's OpenAPI specification (the version
 * {@link StripePaymentProvider#API_VERSION} names, or it refuses the request) and answers 400 for an unknown
 * parameter, a wrong type or a value outside an enumeration, 401 without a test-mode secret key. So a passing
 * test shows that our paths, form encoding, parameters ({@code payment_method_types[0]},
 * {@code error_on_requires_action}, {@code metadata[...]}, {@code card[token]}), headers and API version are a
 * valid Stripe API call, and that Stripe's response objects parse.
 *
 * <p>What it does not: stripe-mock is stateless and answers fixtures - a PaymentIntent is always
 * {@code requires_payment_method}, whatever the card - so it shows neither a capture that succeeds, nor declines,
 * 3-D Secure, idempotent replays, nor webhooks. Those are {@link StripePaymentProviderTest}'s (against canned
 * Stripe answers) and a real test-mode account's.
 */
class StripeMockIT {

    private static final Pattern LISTENING = Pattern.compile("Listening for HTTP at address: (\\S+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Money TOTAL = Money.of(4917, "USD");

    private static Process mock;
    private static StripePaymentProvider provider;
    private static URI baseUrl;

    @BeforeAll
    static void startStripeMock() throws Exception {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            return; // each test is skipped by requireStripeMock, and counted as skipped
        }
        // Port 0: the system chooses free ports; HTTPS too, else it would listen on *:12112.
        mock = new ProcessBuilder(binary.get().toString(), "-http-addr", "127.0.0.1:0", "-https-addr",
                "127.0.0.1:0", "-strict-version-check").redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> readOutput(port, output), "stripe-mock-output");
        reader.setDaemon(true);
        reader.start();
        try {
            baseUrl = URI.create("http://127.0.0.1:" + port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            synchronized (output) {
                throw new IllegalStateException("stripe-mock did not start: " + output, e);
            }
        }
        provider = new StripePaymentProvider("sk_test_storefront", baseUrl, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    @BeforeEach
    void requireStripeMock() {
        Assumptions.assumeTrue(mock != null,
                "no stripe-mock: set STRIPE_MOCK_BIN or put stripe-mock on the PATH (.ci/run installs it)");
    }

    @AfterAll
    static void stopStripeMock() throws InterruptedException {
        if (mock != null) {
            mock.destroy();
            if (!mock.waitFor(10, TimeUnit.SECONDS)) {
                mock.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void capture_shouldSendAValidPaymentIntent_forAPaymentMethodId() {
        Charge charge = provider.capture("pay-it-" + System.nanoTime(), TOTAL, "pm_card_visa", "order-it-1", "p-1");

        // stripe-mock's fixture PaymentIntent is requires_payment_method whatever was sent; a request it found
        // invalid would have been a 400, i.e. an IllegalStateException.
        assertThat(charge).isEqualTo(Charge.declined("payment_intent_requires_payment_method"));
    }

    @Test
    void capture_shouldSendAValidPaymentMethodAndPaymentIntent_forAToken() {
        Charge charge = provider.capture("pay-it-" + System.nanoTime(), TOTAL, "tok_visa", "order-it-2", "p-2");

        assertThat(charge).isEqualTo(Charge.declined("payment_intent_requires_payment_method"));
    }

    @Test
    void refund_shouldSendAValidRefund_andReadItsId() {
        String refundId = provider.refund("refund-it-" + System.nanoTime(), "pi_3StorefrontIt", Money.of(1000, "USD"));

        assertThat(refundId).startsWith("re_");
    }

    @Test
    void capture_shouldThrowIllegalStateWithoutTheKey_whenTheKeyIsRefused() {
        // stripe-mock accepts any test-mode key and quotes a refused one in its message
        String liveKey = "sk_live_storefrontNotForTests";
        StripePaymentProvider refused = new StripePaymentProvider(liveKey, baseUrl, Duration.ofSeconds(2),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> refused.capture("pay-it-" + System.nanoTime(), TOTAL, "pm_card_visa", "o", "p"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining(liveKey);
    }

    private static void readOutput(CompletableFuture<Integer> port, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!port.isDone()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(2)));
                    }
                }
                // Later lines are read and dropped, so that a full pipe never blocks stripe-mock.
            }
        } catch (IOException e) {
            // The process ended.
        }
        port.completeExceptionally(new IllegalStateException("stripe-mock exited"));
    }

    /** STRIPE_MOCK_BIN (property, then environment), else stripe-mock on the PATH. */
    private static Optional<Path> binary() {
        String configured = Optional.ofNullable(System.getProperty("STRIPE_MOCK_BIN"))
                .orElse(System.getenv("STRIPE_MOCK_BIN"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("STRIPE_MOCK_BIN is " + configured + ", which is not an executable");
            }
            return Optional.of(path);
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(pathVariable.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "stripe-mock")).filter(Files::isExecutable).findFirst();
    }
}
