package dev.storefront.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider.Charge;
import dev.storefront.domain.payment.PaymentProvider.ProviderUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripePaymentProviderTest {

    private static final String KEY = "sk_test_51SecretKeyNeverShown";
    private static final Money TOTAL = Money.of(4917, "USD");
    private static final String SUCCEEDED = "{\"id\":\"pi_3Abc\",\"object\":\"payment_intent\","
            + "\"status\":\"succeeded\",\"amount\":4917,\"currency\":\"usd\"}";

    private final FakeStripe stripe = newFakeStripe();
    private final StripePaymentProvider provider = new StripePaymentProvider(KEY, stripe.baseUrl(),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stopServer() {
        stripe.close();
    }

    @Test
    void capture_shouldCreateAndConfirmAPaymentIntent_andAnswerCapturedWithItsId() {
        // given
        stripe.answer(200, SUCCEEDED);

        // when
        Charge charge = provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1");

        // then
        assertThat(charge).isEqualTo(Charge.captured("pi_3Abc"));
        FakeStripe.Request request = stripe.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/payment_intents");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Stripe-Version")).isEqualTo(StripePaymentProvider.API_VERSION);
        assertThat(request.header("Idempotency-Key")).isEqualTo("pay-p1");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.form()).containsExactly(
                entry("amount", "4917"),
                entry("currency", "usd"),
                entry("confirm", "true"),
                entry("payment_method", "pm_card_visa"),
                entry("payment_method_types[0]", "card"),
                entry("error_on_requires_action", "true"),
                entry("metadata[orderId]", "order-1"),
                entry("metadata[paymentId]", "p1"));
    }

    @Test
    void capture_shouldTurnATokenIntoAPaymentMethodFirst_underItsOwnIdempotencyKey() {
        // given
        stripe.answer(200, "{\"id\":\"pm_1Tok\",\"object\":\"payment_method\",\"type\":\"card\"}")
                .answer(200, SUCCEEDED);

        // when
        Charge charge = provider.capture("pay-p1", TOTAL, "tok_visa", "order-1", "p1");

        // then
        assertThat(charge.isCaptured()).isTrue();
        assertThat(stripe.requests()).hasSize(2);
        FakeStripe.Request paymentMethod = stripe.requests().get(0);
        assertThat(paymentMethod.path()).isEqualTo("/v1/payment_methods");
        assertThat(paymentMethod.header("Idempotency-Key")).isEqualTo("pay-p1-payment-method");
        assertThat(paymentMethod.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(paymentMethod.header("Stripe-Version")).isEqualTo(StripePaymentProvider.API_VERSION);
        assertThat(paymentMethod.form()).containsExactly(entry("type", "card"), entry("card[token]", "tok_visa"));
        FakeStripe.Request intent = stripe.requests().get(1);
        assertThat(intent.path()).isEqualTo("/v1/payment_intents");
        assertThat(intent.header("Idempotency-Key")).isEqualTo("pay-p1");
        assertThat(intent.form()).containsEntry("payment_method", "pm_1Tok");
    }

    @Test
    void capture_shouldEncodeEveryValue() {
        stripe.answer(200, SUCCEEDED);

        provider.capture("pay-p&1", TOTAL, "pm_card_visa", "order 1&x=2", "p&1");

        assertThat(stripe.onlyRequest().form()).containsEntry("metadata[orderId]", "order 1&x=2")
                .containsEntry("metadata[paymentId]", "p&1");
        assertThat(stripe.onlyRequest().header("Idempotency-Key")).isEqualTo("pay-p&1");
    }

    @Test
    void capture_shouldAnswerDeclinedWithTheDeclineCode_whenStripeAnswers402CardError() {
        // given
        stripe.answer(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                + "\"decline_code\":\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\","
                + "\"payment_intent\":{\"id\":\"pi_3D\",\"status\":\"requires_payment_method\"}}}");

        // when
        Charge charge = provider.capture("pay-p1", TOTAL, "pm_card_chargeDeclinedInsufficientFunds", "order-1", "p1");

        // then
        assertThat(charge).isEqualTo(Charge.declined("insufficient_funds"));
    }

    @Test
    void capture_shouldAnswerDeclinedWithTheErrorCode_whenA402CardErrorHasNoDeclineCode() {
        stripe.answer(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"expired_card\"}}");

        assertThat(provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isEqualTo(Charge.declined("expired_card"));
    }

    @Test
    void capture_shouldAnswerDeclined_whenTheCardNeedsAuthentication() {
        stripe.answer(200, "{\"id\":\"pi_3A\",\"object\":\"payment_intent\",\"status\":\"requires_action\"}");

        assertThat(provider.capture("pay-p1", TOTAL, "pm_card_authenticationRequired", "order-1", "p1"))
                .isEqualTo(Charge.declined("authentication_required"));
    }

    @Test
    void capture_shouldAnswerDeclinedWithTheStatus_forAnyOtherUnfinishedPaymentIntent() {
        stripe.answer(200, "{\"id\":\"pi_3A\",\"object\":\"payment_intent\",\"status\":\"canceled\"}")
                .answer(200, "{\"id\":\"pi_3B\",\"object\":\"payment_intent\",\"status\":\"requires_payment_method\","
                        + "\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                        + "\"decline_code\":\"do_not_honor\"}}");

        assertThat(provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isEqualTo(Charge.declined("payment_intent_canceled"));
        assertThat(provider.capture("pay-p2", TOTAL, "pm_card_visa", "order-1", "p2"))
                .isEqualTo(Charge.declined("do_not_honor"));
    }

    @Test
    void capture_shouldAnswerDeclinedInvalidToken_whenStripeDoesNotKnowThePaymentMethod() {
        stripe.answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                + "\"param\":\"payment_method\",\"message\":\"No such PaymentMethod: 'pm_bogus'\"}}");

        assertThat(provider.capture("pay-p1", TOTAL, "pm_bogus", "order-1", "p1"))
                .isEqualTo(Charge.declined("invalid_token"));
    }

    @Test
    void capture_shouldAnswerDeclinedInvalidToken_whenTheTokenWasUsedBefore() {
        stripe.answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"token_already_used\","
                + "\"message\":\"You cannot use a Stripe token more than once: tok_used.\"}}");

        assertThat(provider.capture("pay-p1", TOTAL, "tok_used", "order-1", "p1"))
                .isEqualTo(Charge.declined("invalid_token"));
        assertThat(stripe.onlyRequest().path()).isEqualTo("/v1/payment_methods");
    }

    @Test
    void capture_shouldThrowUnavailable_whileThePaymentIntentIsProcessing() {
        stripe.answer(200, "{\"id\":\"pi_3P\",\"object\":\"payment_intent\",\"status\":\"processing\"}");

        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("pi_3P");
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 429, 500, 502, 503})
    void capture_shouldThrowUnavailable_whenStripeAnswersAServerErrorOrAsksToRetry(int status) {
        stripe.answer(status, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}");

        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining(Integer.toString(status))
                .hasMessageContaining("req_fake1");
    }

    @Test
    void capture_shouldThrowUnavailable_whenTheKeyWasFirstUsedWithOtherParameters() {
        // a resumed attempt with another card: the first call's outcome is unknown, so nothing may charge anew
        stripe.answer(400, "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent "
                + "requests can only be used with the same parameters they were first used with.\"}}");

        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("idempotency_error");
    }

    @Test
    void capture_shouldThrowUnavailable_whenTheAnswerIsNotJson() {
        stripe.answer(502, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void capture_shouldThrowUnavailable_whenStripeDoesNotAnswerInTime() {
        // given: a provider that waits 300 ms at most, and a server that answers only when released
        StripePaymentProvider impatient = new StripePaymentProvider(KEY, stripe.baseUrl(), Duration.ofSeconds(2),
                Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        stripe.answerAfter(release, 200, SUCCEEDED);
        long started = System.nanoTime();
        try {
            // when / then
            assertThatThrownBy(() -> impatient.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("did not answer within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    void capture_shouldThrowUnavailable_whenStripeCannotBeReached() throws IOException {
        // given: a loopback port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StripePaymentProvider unreachable = new StripePaymentProvider(KEY, URI.create("http://127.0.0.1:" + port),
                Duration.ofSeconds(2), Duration.ofSeconds(5));

        // when / then
        assertThatThrownBy(() -> unreachable.capture("pay-p1", TOTAL, "pm_card_visa", "order-1", "p1"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void capture_shouldThrowIllegalState_withoutTheKey_whenStripeRefusesTheKey() {
        // given: Stripe's (and stripe-mock's) 401 messages quote the key they got
        stripe.answer(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: "
                + KEY + "\"}}");

        // when / then
        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "tok_visa", "order-1", "p1"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_request_error")
                .hasMessageContaining("req_fake1")
                .hasMessageNotContaining(KEY)
                .hasMessageNotContaining("sk_test")
                .hasMessageNotContaining("tok_visa");
    }

    @Test
    void capture_shouldThrowIllegalState_withTheParameterButNotTheToken_whenTheRequestIsInvalid() {
        stripe.answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid_integer\","
                + "\"param\":\"amount\",\"message\":\"Invalid integer: pm_secret_card\"}}");

        assertThatThrownBy(() -> provider.capture("pay-p1", TOTAL, "pm_secret_card", "order-1", "p1"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("code=parameter_invalid_integer")
                .hasMessageContaining("param=amount")
                .hasMessageNotContaining("pm_secret_card");
    }

    @Test
    void refund_shouldRefundTheAmountOfThePaymentIntent_underTheGivenKey() {
        // given
        stripe.answer(200, "{\"id\":\"re_3R\",\"object\":\"refund\",\"status\":\"succeeded\",\"amount\":1000}");

        // when
        String refundId = provider.refund("refund-r1", "pi_3Abc", Money.of(1000, "USD"));

        // then
        assertThat(refundId).isEqualTo("re_3R");
        FakeStripe.Request request = stripe.onlyRequest();
        assertThat(request.path()).isEqualTo("/v1/refunds");
        assertThat(request.header("Idempotency-Key")).isEqualTo("refund-r1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Stripe-Version")).isEqualTo(StripePaymentProvider.API_VERSION);
        assertThat(request.form()).containsExactly(entry("payment_intent", "pi_3Abc"), entry("amount", "1000"));
    }

    @Test
    void refund_shouldAcceptAPendingRefund_andRefuseAFailedOne() {
        stripe.answer(200, "{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"pending\"}")
                .answer(200, "{\"id\":\"re_2\",\"object\":\"refund\",\"status\":\"failed\","
                        + "\"failure_reason\":\"expired_or_canceled_card\"}");

        assertThat(provider.refund("refund-r1", "pi_3Abc", Money.of(1, "USD"))).isEqualTo("re_1");
        assertThatThrownBy(() -> provider.refund("refund-r2", "pi_3Abc", Money.of(1, "USD")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("re_2")
                .hasMessageContaining("expired_or_canceled_card");
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500})
    void refund_shouldThrowUnavailable_whenStripeAnswersAServerErrorOrAsksToRetry(int status) {
        stripe.answer(status, "{\"error\":{\"type\":\"api_error\"}}");

        assertThatThrownBy(() -> provider.refund("refund-r1", "pi_3Abc", Money.of(1000, "USD")))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void refund_shouldThrowIllegalState_whenStripeRefusesIt() {
        stripe.answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\"}}");

        assertThatThrownBy(() -> provider.refund("refund-r1", "pi_3Abc", Money.of(1000, "USD")))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("charge_already_refunded");
    }

    @Test
    void refund_shouldRefuse_withoutCallingStripe_aPaymentAnotherProviderMade() {
        assertThatThrownBy(() -> provider.refund("refund-r1", "sim_ch_0123", Money.of(1000, "USD")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sim_ch_0123");
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void constructor_shouldRefuseSomethingThatIsNoSecretKey_withoutQuotingIt() {
        for (String notAKey : new String[] {"pk_test_publishable", "sk_test_with space", "whsec_abc", ""}) {
            assertThatThrownBy(() -> new StripePaymentProvider(notAKey, stripe.baseUrl(), Duration.ofSeconds(1),
                    Duration.ofSeconds(1))).as(notAKey).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(notAKey.isEmpty() ? "\0" : notAKey));
        }
        assertThatThrownBy(() -> new StripePaymentProvider(KEY, URI.create("ftp://example.com"), Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void name_shouldBeStripe() {
        assertThat(provider.name()).isEqualTo("stripe");
    }

    private static FakeStripe newFakeStripe() {
        try {
            return new FakeStripe();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
