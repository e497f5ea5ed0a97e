package dev.storefront.functions.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.catalog.CacheWarmer;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the cache-warmer function, run every minute by an EventBridge schedule (and once when
 * the local gateway starts): {@link CacheWarmer#run} with this deployment's generation, so the most viewed
 * products are cached again after a deploy or a cache restart. The event itself carries nothing it needs.
 */
public class CacheWarmingHandler extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmingHandler.class);
    /** Changes whenever the product cache's layout does (the {@code product:v1} keys). */
    static final String CACHE_LAYOUT = "product:v1";

    @Inject
    CacheWarmer warmer;

    @Inject
    ProductCache cache;

    @Inject
    ProductRepository products;

    private final String generation =
            CACHE_LAYOUT + "@" + LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_VERSION, "$LATEST");

    public CacheWarmingHandler() {
        super();
    }

    public CacheWarmingHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /** An EventBridge scheduled event, as the schedule delivers it. */
    @Override
    protected String primingEvent() {
        return """
                {"version":"0","id":"00000000-0000-0000-0000-000000000000","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-01-01T00:00:00Z","region":"us-east-1",
                 "resources":["arn:aws:events:us-east-1:123456789012:rule/prime"],"detail":{}}""";
    }

    /**
     * A run writes (the durable favourites, trimmed counts, the warm marker), so priming only reads what a run
     * reads first: the warm marker (Redis) and a product (DynamoDB) of an id no product can have.
     */
    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(
                new PrimingStep("warm marker read", () -> cache.isWarmFor(generation)),
                new PrimingStep("product read (absent id)", () -> {
                    if (products.findById(ReservedKeys.ABSENT_ID).isPresent()) {
                        throw new IllegalStateException("a product has the reserved id");
                    }
                }));
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
