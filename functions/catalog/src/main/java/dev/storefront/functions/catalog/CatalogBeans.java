package dev.storefront.functions.catalog;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.catalog.CacheWarmer;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.catalog.ProductViews;
import dev.storefront.dynamodb.DynamoDbPopularProducts;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.StoreConfiguration;
import dev.storefront.platform.config.CacheWarmingConfiguration;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisProductCache;
import dev.storefront.redis.RedisProductViews;
import dev.storefront.redis.ResilientRedis;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Wiring of the catalog function on top of the shared {@code FunctionBeans} (clients, Redis,
 * authentication, idempotency): its cache, view counts, service, routes and cache warmer.
 */
@Factory
public class CatalogBeans {

    @Singleton
    ProductCache productCache(ResilientRedis redis) {
        return new RedisProductCache(redis);
    }

    @Singleton
    ProductViews productViews(ResilientRedis redis) {
        return new RedisProductViews(redis);
    }

    @Singleton
    ProductRepository productRepository(TableNames tables, DynamoDbEnhancedClient dynamoDb) {
        return new DynamoDbProductRepository(dynamoDb, tables.products());
    }

    @Singleton
    CatalogService catalogService(StoreConfiguration store, ProductRepository products, ProductCache cache,
            ProductViews views, IdGenerator ids, Clock clock) {
        return new CatalogService(products, cache, views, ids, clock, store.currency());
    }

    @Singleton
    CacheWarmer cacheWarmer(TableNames tables, CacheWarmingConfiguration warming, DynamoDbEnhancedClient dynamoDb,
            ProductRepository products, ProductCache cache, ProductViews views, Clock clock) {
        return new CacheWarmer(products, cache, views, new DynamoDbPopularProducts(dynamoDb, tables.products(), clock),
                Math.toIntExact(warming.products()));
    }

    @Singleton
    RequestPipeline pipeline(CatalogService catalog, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        return new RequestPipeline(new CatalogApi(catalog).routes(), authenticator, idempotency, errors);
    }
}
