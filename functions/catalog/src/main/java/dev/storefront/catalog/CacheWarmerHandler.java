package dev.storefront.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.catalog.CacheWarmer;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the cache-warmer function, run every minute by an EventBridge schedule (and once when
 * the local gateway starts): {@link CacheWarmer#run} with this deployment's generation, so the most viewed
 * products are cached again after a deploy or a cache restart. The event itself carries nothing it needs.
 */
public class CacheWarmerHandler extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmerHandler.class);
    /** Changes whenever the product cache's layout does (the {@code product:v1} keys). */
    static final String CACHE_LAYOUT = "product:v1";

    @Inject
    CacheWarmer warmer;

    private final String generation =
            CACHE_LAYOUT + "@" + LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_VERSION, "$LATEST");

    public CacheWarmerHandler() {
        super();
    }

    public CacheWarmerHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected String handle(JsonNode event, Context context) {
        CacheWarmer.Outcome outcome = warmer.run(generation);
        if (outcome.warmed()) {
            LOG.info("cache warmed for {}: {} product(s) cached ({} favourite(s) from the view counts)", generation,
                    outcome.productsCached(), outcome.favouritesKnown());
        } else {
            LOG.debug("cache already warm for {}", generation);
        }
        return "{\"warmed\":" + outcome.warmed() + ",\"productsCached\":" + outcome.productsCached() + "}";
    }
}
