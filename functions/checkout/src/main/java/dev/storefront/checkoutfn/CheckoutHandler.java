package dev.storefront.checkoutfn;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

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
}
