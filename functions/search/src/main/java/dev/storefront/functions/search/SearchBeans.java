package dev.storefront.functions.search;

import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.SearchResultCache;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.CursorConfiguration;
import dev.storefront.platform.config.SearchConfiguration;
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
    SearchCatalog searchCatalog(TableNames tables, SearchConfiguration search, CursorConfiguration cursor,
            Secrets secrets, DynamoDbEnhancedClient dynamoDb, CatalogChangeFeed feed) {
        DynamoDbProductRepository products = new DynamoDbProductRepository(dynamoDb, tables.products());
        SearchCatalog catalog = new SearchCatalog(new ProductIndex(CursorKeys.load(cursor, secrets)), feed,
                products::forEach, search.syncInterval(), search.fullRebuild(), System::nanoTime);
        catalog.rebuild();
        return catalog;
    }

    @Singleton
    RequestPipeline pipeline(SearchConfiguration search, SearchCatalog catalog, ResilientRedis redis,
            Authenticator authenticator, ErrorMapper errors) {
        long ttl = search.resultCacheSeconds();
        SearchResultCache answers = ttl == 0 ? SearchResultCache.none() : new RedisSearchResultCache(redis, ttl);
        return RequestPipeline.withoutIdempotency(new SearchApi(catalog, answers).routes(), authenticator, errors);
    }

}
