package dev.storefront.catalog;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.storefront.domain.catalog.CacheWarmer;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lambda entry point of the cache-warmer function, run every minute by an EventBridge schedule (and once when
 * the local gateway starts): {@link CacheWarmer#run} with this deployment's generation, so the most viewed
 * products are cached again after a deploy or a cache restart. The event itself carries nothing it needs.
 */
public class CacheWarmerHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CacheWarmerHandler.class);
    /** Changes whenever the product cache's layout does (the {@code product:v1} keys). */
    static final String CACHE_LAYOUT = "product:v1";

    @Inject
    CacheWarmer warmer;

    private final String functionName;
    private final String generation;

    public CacheWarmerHandler() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    public CacheWarmerHandler(ApplicationContext applicationContext) {
        var variables = LambdaEnvironment.variables();
        this.functionName = variables.getOrDefault(EnvVars.FUNCTION_NAME, "local");
        this.generation = CACHE_LAYOUT + "@" + variables.getOrDefault(EnvVars.FUNCTION_VERSION, "$LATEST");
        applicationContext.inject(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        MDC.put("function", functionName);
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            CacheWarmer.Outcome outcome = warmer.run(generation);
            if (outcome.warmed()) {
                LOG.info("cache warmed for {}: {} product(s) cached ({} favourite(s) from the view counts)", generation,
                        outcome.productsCached(), outcome.favouritesKnown());
            } else {
                LOG.debug("cache already warm for {}", generation);
            }
            output.write(("{\"warmed\":" + outcome.warmed() + ",\"productsCached\":" + outcome.productsCached() + "}")
                    .getBytes(StandardCharsets.UTF_8));
        } finally {
            MDC.clear();
        }
    }
}
