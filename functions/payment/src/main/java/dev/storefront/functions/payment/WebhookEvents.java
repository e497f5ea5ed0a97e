package dev.storefront.functions.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.Money;
import dev.storefront.domain.payment.ProviderEvent;
import dev.storefront.platform.http.HttpException;
import dev.storefront.platform.http.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Provider events in Stripe's shape: {@code {"id", "type", "data": {"object": {"id", "amount", "currency",
 * "metadata": {"orderId", "paymentId"}}}}}. Only {@code id} and {@code type} are required; an event without
 * the rest is acknowledged and ignored by the service.
 *
 * <p>The provider payment id is the one the capture returned: the object's {@code id} for a PaymentIntent
 * ({@code payment_intent.succeeded}) and for the simulated provider's charges, but a Stripe Charge's
 * {@code payment_intent} for {@code charge.succeeded} - Stripe payments are PaymentIntents here.
 */
final class WebhookEvents {

    private WebhookEvents() {
    }

    static ProviderEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw invalid("The event is not JSON.");
        }
        if (root == null || !root.path("id").isTextual() || !root.path("type").isTextual()
                || root.path("id").asText().isEmpty() || root.path("id").asText().length() > 255) {
            throw invalid("The event needs a string id and type.");
        }
        JsonNode object = root.path("data").path("object");
        JsonNode metadata = object.path("metadata");
        Money amount = null;
        if (object.path("amount").isIntegralNumber() && object.path("currency").isTextual()) {
            amount = Money.of(object.path("amount").asLong(), object.path("currency").asText().toUpperCase(Locale.ROOT));
        }
        return new ProviderEvent(root.path("id").asText(), root.path("type").asText(), text(metadata, "orderId"),
                text(metadata, "paymentId"), providerPaymentId(object), amount);
    }

    private static String providerPaymentId(JsonNode object) {
        String paymentIntent = text(object, "payment_intent");
        return paymentIntent != null ? paymentIntent : text(object, "id");
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static HttpException invalid(String detail) {
        return HttpException.badRequest("invalid-event", detail, List.of());
    }
}
