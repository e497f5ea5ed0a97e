package dev.storefront.functions.checkout;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the checkout function: quotes, checkout and orders. */
public class CheckoutHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public CheckoutHandler() {
        super();
    }

    public CheckoutHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return CheckoutApi.primingRequests();
    }
}
