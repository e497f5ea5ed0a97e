package dev.storefront.platform.config;

import dev.storefront.domain.catalog.CacheWarmer;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** The cache warmer: how many of the most viewed products it puts into the cache ({@code STOREFRONT_CACHE_WARM_PRODUCTS}). */
@ConfigurationProperties("storefront.cache-warm")
public record CacheWarmingConfiguration(@Nullable Long products) {

    public CacheWarmingConfiguration {
        products = Setting.atLeast(products, CacheWarmer.DEFAULT_WARM_COUNT, 0, EnvVars.CACHE_WARM_PRODUCTS);
    }
}
