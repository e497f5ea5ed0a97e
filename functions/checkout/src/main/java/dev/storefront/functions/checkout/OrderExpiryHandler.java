package dev.storefront.functions.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
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
    protected String primingEvent() {
        return """
                {"version":"0","id":"00000000-0000-0000-0000-000000000000","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1",
                 "resources":["arn:aws:events:us-east-1:123456789012:rule/prime"],"detail":{}}""";
    }

    /** A sweep expires real orders, so priming only reads an order that cannot exist through the same table. */
    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(PrimingStep.expecting("order read (absent id)", NotFoundException.class,
                () -> checkout.get(ReservedKeys.ABSENT_ID, ReservedKeys.ABSENT_ID)));
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
