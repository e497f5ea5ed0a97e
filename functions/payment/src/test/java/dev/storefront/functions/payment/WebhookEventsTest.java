package dev.storefront.functions.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.ProviderEvent;
import dev.storefront.platform.http.HttpException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    @Test
    void parse_shouldNameThePaymentIntent_ofStripesPaymentIntentSucceeded() {
        // given: a Stripe event (abridged) for a PaymentIntent the Stripe adapter created
        String event = """
                {"id": "evt_3PiA", "object": "event", "api_version": "2026-08-26.dahlia",
                 "type": "payment_intent.succeeded",
                 "data": {"object": {"id": "pi_3Abc", "object": "payment_intent", "amount": 4917,
                   "amount_received": 4917, "currency": "usd", "status": "succeeded", "latest_charge": "ch_3Xyz",
                   "metadata": {"orderId": "order-1", "paymentId": "pay-1"}}}}
                """;

        // when
        ProviderEvent parsed = WebhookEvents.parse(bytes(event));

        // then
        assertThat(parsed).isEqualTo(new ProviderEvent("evt_3PiA", "payment_intent.succeeded", "order-1", "pay-1",
                "pi_3Abc", Money.of(4917, "USD")));
    }

    @Test
    void parse_shouldNameThePaymentIntentNotTheCharge_ofStripesChargeSucceeded() {
        // given: the charge of that PaymentIntent
        String event = """
                {"id": "evt_3ChA", "object": "event", "type": "charge.succeeded",
                 "data": {"object": {"id": "ch_3Xyz", "object": "charge", "amount": 4917, "currency": "usd",
                   "payment_intent": "pi_3Abc", "paid": true, "status": "succeeded",
                   "metadata": {"orderId": "order-1", "paymentId": "pay-1"}}}}
                """;

        // when
        ProviderEvent parsed = WebhookEvents.parse(bytes(event));

        // then: the id the capture returned and refunds use
        assertThat(parsed.providerPaymentId()).isEqualTo("pi_3Abc");
        assertThat(parsed.type()).isEqualTo("charge.succeeded");
        assertThat(parsed.paymentId()).isEqualTo("pay-1");
        assertThat(parsed.amount()).isEqualTo(Money.of(4917, "USD"));
    }

    @Test
    void parse_shouldNameTheCharge_ofAChargeWithoutPaymentIntent() {
        // given: the simulated provider's shape
        String event = """
                {"id": "evt_sim", "type": "charge.succeeded",
                 "data": {"object": {"id": "sim_ch_0a1b", "amount": 100, "currency": "usd",
                   "metadata": {"orderId": "order-1", "paymentId": "pay-1"}}}}
                """;

        assertThat(WebhookEvents.parse(bytes(event))).isEqualTo(new ProviderEvent("evt_sim", "charge.succeeded",
                "order-1", "pay-1", "sim_ch_0a1b", Money.of(100, "USD")));
    }

    @Test
    void parse_shouldKeepWhatItCan_ofAnEventWithoutOurMetadata() {
        String event = """
                {"id": "evt_x", "type": "charge.refunded",
                 "data": {"object": {"id": "ch_1", "object": "charge", "payment_intent": null, "metadata": {}}}}
                """;

        assertThat(WebhookEvents.parse(bytes(event))).isEqualTo(new ProviderEvent("evt_x", "charge.refunded", null,
                null, "ch_1", null));
    }

    @Test
    void parse_shouldAnswer400_forAnEventWithoutIdOrType() {
        assertThatThrownBy(() -> WebhookEvents.parse(bytes("{\"type\":\"charge.succeeded\"}")))
                .isInstanceOf(HttpException.class);
        assertThatThrownBy(() -> WebhookEvents.parse(bytes("not json"))).isInstanceOf(HttpException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
