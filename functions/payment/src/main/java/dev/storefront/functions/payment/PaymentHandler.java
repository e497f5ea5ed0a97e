package dev.storefront.functions.payment;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the payment function. */
public class PaymentHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public PaymentHandler() {
        super();
    }

    public PaymentHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return PaymentPriming.primingRequests();
    }
}
