package dev.storefront.catalog;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.Settings;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import dev.storefront.redis.RedisProductCache;
import dev.storefront.redis.ResilientRedis;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * Wiring of the catalog function on top of the shared {@code FunctionBeans} (clients, Redis,
 * authentication, idempotency): its cache, service and routes.
 */
@Factory
public class CatalogBeans {

    @Singleton
    ProductCache productCache(ResilientRedis redis) {
        return new RedisProductCache(redis);
    }

    @Singleton
    CatalogService catalogService(Settings settings, DynamoDbEnhancedClient dynamoDb, ProductCache cache,
            IdGenerator ids, Clock clock) {
        return new CatalogService(new DynamoDbProductRepository(dynamoDb, settings.required(EnvVars.PRODUCTS_TABLE)),
                cache, ids, clock, settings.orDefault(EnvVars.CURRENCY, "USD"));
    }

    @Singleton
    RequestPipeline pipeline(CatalogService catalog, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        return new RequestPipeline(new CatalogApi(catalog).routes(), authenticator, idempotency, errors);
    }
}
