package dev.storefront.functions.catalog;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/** Lambda entry point of the catalog function: catalog administration and product detail. */
public class CatalogHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public CatalogHandler() {
        super();
    }

    public CatalogHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return CatalogApi.primingRequests();
    }
}
