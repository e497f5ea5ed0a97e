package dev.storefront.functions.shipping;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the shipping function. */
public class ShippingHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public ShippingHandler() {
        super();
    }

    public ShippingHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return ShippingApi.primingRequests();
    }
}
