package dev.storefront.functions.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.shipment.ShipmentService;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.metrics.BusinessMetrics;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the shipment-creator function: consumes the orders table's stream (filtered in the
 * template to images whose status is {@code PAID}) and creates the shipment of each paid order, moving it to
 * {@code FULFILLING}.
 *
 * <p>Streams deliver at least once and a retried batch comes again whole, so creation is idempotent: the order's
 * {@code PAID} status is the condition of the creating transaction, and an order found past it (shipment made
 * by an earlier delivery, or cancelled meanwhile) is skipped. The record only names the order: the order is
 * read again, consistently, so an old image never acts on a newer state. Any failure (DynamoDB unavailable)
 * fails the invocation; Lambda retries the batch, bisecting it, and finally sends it to the dead-letter queue.
 */
public class ShipmentCreationHandler extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentCreationHandler.class);

    @Inject
    ShipmentService shipments;

    @Inject
    BusinessMetrics metrics;

    public ShipmentCreationHandler() {
        super();
    }

    public ShipmentCreationHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /** A stream record naming an order that cannot exist; parsed, not handled (handling creates shipments). */
    @Override
    protected String primingEvent() {
        return """
                {"Records":[{"eventID":"prime","eventName":"MODIFY","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
                 "dynamodb":{"Keys":{"orderId":{"S":"prime-00000000"}},"NewImage":{"orderId":{"S":"prime-00000000"},
                 "status":{"S":"PAID"}},"SequenceNumber":"1","SizeBytes":1,"StreamViewType":"NEW_IMAGE"}}]}""";
    }

    /** The order read a creation starts with, through the read-only lookup, for an order that cannot exist. */
    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(PrimingStep.expecting("order read (absent id)", NotFoundException.class,
                () -> shipments.forOrder(ReservedKeys.ABSENT_ID, false, ReservedKeys.ABSENT_ID)));
    }

    @Override
    protected String handle(JsonNode event, Context context) {
        Set<String> orderIds = new LinkedHashSet<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode orderId = record.path("dynamodb").path("Keys").path("orderId").path("S");
            if (orderId.isTextual()) {
                orderIds.add(orderId.asText());
            }
        }
        Map<ShipmentService.Outcome, Integer> outcomes = new EnumMap<>(ShipmentService.Outcome.class);
        for (String orderId : orderIds) {
            ShipmentService.Outcome outcome = shipments.createFor(orderId);
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == ShipmentService.Outcome.UNKNOWN_ORDER) {
                LOG.warn("stream record names order {} which does not exist", orderId);
            }
        }
        metrics.count(BusinessMetrics.SHIPMENTS_CREATED, outcomes.getOrDefault(ShipmentService.Outcome.CREATED, 0));
        LOG.info("shipments for {} paid order(s): {}", orderIds.size(), outcomes);
        return "{\"created\":" + outcomes.getOrDefault(ShipmentService.Outcome.CREATED, 0) + "}";
    }
}
