package dev.storefront.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The search index: how often an instance reads the catalog change feed at most
 * ({@code STOREFRONT_SEARCH_SYNC_INTERVAL_MILLIS}, default 1000), how often it rebuilds from the table anyway
 * ({@code STOREFRONT_SEARCH_FULL_REBUILD_SECONDS}, default 3600) and how long answers stay cached
 * ({@code STOREFRONT_SEARCH_RESULT_CACHE_SECONDS}, default 60; 0 switches the cache off).
 */
@ConfigurationProperties("storefront.search")
public record SearchConfiguration(@Nullable Long syncIntervalMillis, @Nullable Long fullRebuildSeconds,
        @Nullable Long resultCacheSeconds) {

    public SearchConfiguration {
        syncIntervalMillis = Setting.atLeast(syncIntervalMillis, 1_000, 0, EnvVars.SEARCH_SYNC_INTERVAL_MILLIS);
        fullRebuildSeconds = Setting.atLeast(fullRebuildSeconds, 3_600, 0, EnvVars.SEARCH_FULL_REBUILD_SECONDS);
        resultCacheSeconds = Setting.atLeast(resultCacheSeconds, 60, 0, EnvVars.SEARCH_RESULT_CACHE_SECONDS);
    }

    public Duration syncInterval() {
        return Duration.ofMillis(syncIntervalMillis);
    }

    public Duration fullRebuild() {
        return Duration.ofSeconds(fullRebuildSeconds);
    }
}
