package dev.storefront.functions.search;

import dev.storefront.platform.http.ApiHandler;
import dev.storefront.platform.http.PrimingRequest;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.search.SearchCatalog;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Lambda entry point of the search function: {@code GET /products} and {@code GET /categories}. The index is
 * built from the products table during init (so SnapStart snapshots it) and follows the catalog change feed.
 */
public class SearchHandler extends ApiHandler {

    @Inject
    RequestPipeline pipeline;

    @Inject
    SearchCatalog catalog;

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

    @Override
    protected List<PrimingRequest> primingRequests() {
        return SearchApi.primingRequests();
    }

    /** The index in the snapshot is as old as the snapshot: catch up with the feed before the first search. */
    @Override
    protected void restored() {
        catalog.syncBeforeNextSearch();
    }
}
