package dev.storefront.checkoutfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.metrics.BusinessMetrics;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the order-expiry function, run every minute by an EventBridge schedule (locally by the
 * gateway): expires unpaid orders past their reservation and returns their stock, a batch at a time until
 * none is due or the invocation nears its end.
 */
public class OrderExpiryHandler extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiryHandler.class);
    static final int BATCH = 100;
    /** Time left at which no new batch is started. */
    static final long RESERVE_MILLIS = 10_000;

    @Inject
    CheckoutService checkout;

    @Inject
    BusinessMetrics metrics;

    public OrderExpiryHandler() {
        super();
    }

    public OrderExpiryHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected String handle(JsonNode event, Context context) {
        int total = 0;
        int expired;
        do {
            expired = checkout.expireDue(BATCH);
            total += expired;
        } while (expired == BATCH && (context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS));
        metrics.count(BusinessMetrics.RESERVATIONS_EXPIRED, total);
        if (total > 0) {
            LOG.info("expired {} unpaid order(s) and returned their stock", total);
        }
        return "{\"expired\":" + total + "}";
    }
}
