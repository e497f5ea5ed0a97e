package dev.storefront.searchfn;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.RequestPipeline;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/**
 * Lambda entry point of the search function: {@code GET /products} and {@code GET /categories}. The index is
 * built from the products table during init (so SnapStart snapshots it) and follows the catalog change feed.
 */
public class SearchHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    public SearchHandler() {
        super();
    }

    public SearchHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected RequestPipeline pipeline() {
        return pipeline;
    }
}
