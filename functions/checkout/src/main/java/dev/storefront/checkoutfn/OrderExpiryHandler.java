package dev.storefront.checkoutfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.storefront.domain.order.CheckoutService;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lambda entry point of the order-expiry function, run every minute by an EventBridge schedule (locally by the
 * gateway): expires unpaid orders past their reservation and returns their stock, a batch at a time until
 * none is due or the invocation nears its end.
 */
public class OrderExpiryHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExpiryHandler.class);
    static final int BATCH = 100;
    /** Time left at which no new batch is started. */
    static final long RESERVE_MILLIS = 10_000;

    @Inject
    CheckoutService checkout;

    private final String functionName;

    public OrderExpiryHandler() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    public OrderExpiryHandler(ApplicationContext applicationContext) {
        this.functionName = LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_NAME, "local");
        applicationContext.inject(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        MDC.put("function", functionName);
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            int total = 0;
            int expired;
            do {
                expired = checkout.expireDue(BATCH);
                total += expired;
            } while (expired == BATCH && (context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS));
            if (total > 0) {
                LOG.info("expired {} unpaid order(s) and returned their stock", total);
            }
            output.write(("{\"expired\":" + total + "}").getBytes(StandardCharsets.UTF_8));
        } finally {
            MDC.clear();
        }
    }
}
