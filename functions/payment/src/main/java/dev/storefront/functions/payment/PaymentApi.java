package dev.storefront.functions.payment;

import dev.storefront.domain.auth.Role;
import dev.storefront.domain.payment.Payment;
import dev.storefront.domain.payment.PaymentDeclinedException;
import dev.storefront.domain.payment.PaymentProvider;
import dev.storefront.domain.payment.PaymentService;
import dev.storefront.domain.payment.ProviderEvent;
import dev.storefront.domain.payment.WebhookSignature;
import java.time.Clock;
import dev.storefront.platform.http.Access;
import dev.storefront.platform.http.ApiRequest;
import dev.storefront.platform.http.ApiResponse;
import dev.storefront.platform.http.HttpException;
import dev.storefront.platform.http.Idempotency;
import dev.storefront.platform.http.Routes;
import dev.storefront.platform.metrics.BusinessMetrics;
import java.util.List;

/** The payment routes: paying and reading (role shopper), refunds (role admin). */
public final class PaymentApi {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaymentApi.class);

    private final PaymentService payments;
    private final WebhookSignature webhooks;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public PaymentApi(PaymentService payments, WebhookSignature webhooks, Clock clock, BusinessMetrics metrics) {
        this.metrics = metrics;
        this.payments = payments;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public Routes routes() {
        Access shopper = Access.role(Role.SHOPPER);
        return Routes.builder()
                .post("/payments", shopper, Idempotency.REQUIRED, this::pay)
                .get("/payments/{paymentId}", shopper, this::get)
                .post("/payments/{paymentId}/refunds", Access.role(Role.ADMIN), Idempotency.HONOURED, this::refund)
                // The provider's own retries are deduplicated by event id, not by Idempotency-Key.
                .post("/webhooks/payments", Access.anonymous(), Idempotency.IGNORED, this::webhook)
                .build();
    }

    private ApiResponse pay(ApiRequest request) {
        PaymentRequest body = request.bodyAs(PaymentRequest.class);
        Payment payment;
        try {
            payment = payments.pay(request.caller().userId(), body.orderId(), body.paymentMethod().token());
        } catch (PaymentDeclinedException e) {
            metrics.count(BusinessMetrics.PAYMENTS_DECLINED, 1);
            throw e;
        } catch (PaymentProvider.ProviderUnavailableException e) {
            throw new HttpException(503, "provider-unavailable", "The payment provider did not answer; retry with the "
                    + "same Idempotency-Key in a minute - the order is not charged twice.", List.of(),
                    java.util.Map.of("Retry-After", "30"));
        }
        metrics.count(BusinessMetrics.PAYMENTS_CAPTURED, 1);
        return ApiResponse.created(PaymentResponse.of(payment)).withHeader("Location", "/payments/" + payment.paymentId());
    }

    private ApiResponse refund(ApiRequest request) {
        RefundRequest body = request.bodyAs(RefundRequest.class);
        try {
            return ApiResponse.created(RefundResponse.of(payments.refund(request.pathParameter("paymentId"),
                    body.money(), body.reason())));
        } catch (PaymentProvider.ProviderUnavailableException e) {
            LOG.error("refund of payment {} recorded but not confirmed by the provider: reconcile it", request
                    .pathParameter("paymentId"), e);
            throw new HttpException(503, "provider-unavailable", "The refund is recorded but the payment provider did "
                    + "not confirm it; it must be reconciled with the provider before any further refund.", List.of(),
                    java.util.Map.of());
        }
    }

    /** A provider event: the signature is checked on the raw body before anything is parsed. */
    private ApiResponse webhook(ApiRequest request) {
        if (!webhooks.verify(request.header("stripe-signature").orElse(null), request.body(), clock.instant())) {
            throw HttpException.badRequest("invalid-signature", "The Stripe-Signature header does not sign this body "
                    + "(or is older than five minutes).", List.of());
        }
        ProviderEvent event = WebhookEvents.parse(request.body());
        String outcome = payments.handle(event);
        LOG.info("payment webhook {} ({}): {}", event.eventId(), event.type(), outcome);
        return ApiResponse.ok(java.util.Map.of("received", true, "outcome", outcome));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(PaymentResponse.of(payments.get(request.caller().userId(),
                request.pathParameter("paymentId"))));
    }
}
