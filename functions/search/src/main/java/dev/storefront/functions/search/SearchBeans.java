package dev.storefront.functions.search;

import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.SearchResultCache;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.redis.RedisCatalogChangeFeed;
import dev.storefront.redis.RedisProductCache;
import dev.storefront.redis.RedisSearchResultCache;
import dev.storefront.redis.ResilientRedis;
import dev.storefront.runtime.CursorKeys;
import dev.storefront.runtime.Secrets;
import dev.storefront.search.ProductIndex;
import dev.storefront.search.SearchCatalog;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Wiring of the search functions on top of the shared {@code FunctionBeans}: the change feed (both), and
 * for the search function the index, built from the products table when the catalog bean is created.
 */
@Factory
public class SearchBeans {

    @Singleton
    CatalogChangeFeed changeFeed(ResilientRedis redis) {
        return new RedisCatalogChangeFeed(redis);
    }

    @Singleton
    ProductCache productCache(ResilientRedis redis) {
        return new RedisProductCache(redis);
    }

    @Singleton
    SearchCatalog searchCatalog(Settings settings, Secrets secrets, DynamoDbEnhancedClient dynamoDb,
            CatalogChangeFeed feed) {
        DynamoDbProductRepository products =
                new DynamoDbProductRepository(dynamoDb, settings.required(EnvVars.PRODUCTS_TABLE));
        SearchCatalog catalog = new SearchCatalog(new ProductIndex(cursorKey(settings, secrets)), feed,
                products::forEach,
                Duration.ofMillis(settings.integer(EnvVars.SEARCH_SYNC_INTERVAL_MILLIS, 1_000)),
                Duration.ofSeconds(settings.integer(EnvVars.SEARCH_FULL_REBUILD_SECONDS, 3_600)),
                System::nanoTime);
        catalog.rebuild();
        return catalog;
    }

    @Singleton
    RequestPipeline pipeline(Settings settings, SearchCatalog catalog, ResilientRedis redis, Authenticator authenticator,
            ErrorMapper errors) {
        int ttl = settings.integer(EnvVars.SEARCH_RESULT_CACHE_SECONDS, (int) RedisSearchResultCache.DEFAULT_TTL_SECONDS);
        SearchResultCache answers = ttl == 0 ? SearchResultCache.none() : new RedisSearchResultCache(redis, ttl);
        return RequestPipeline.withoutIdempotency(new SearchApi(catalog, answers).routes(), authenticator, errors);
    }

    /** The page cursor key ({@link CursorKeys}). */
    static byte[] cursorKey(Settings settings, Secrets secrets) {
        return CursorKeys.load(settings, secrets);
    }
}
