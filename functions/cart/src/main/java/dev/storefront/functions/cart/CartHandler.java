package dev.storefront.functions.cart;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the cart function. */
public class CartHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public CartHandler() {
        super();
    }

    public CartHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return CartApi.primingRequests();
    }
}
