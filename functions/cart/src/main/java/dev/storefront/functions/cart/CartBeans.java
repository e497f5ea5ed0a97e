package dev.storefront.functions.cart;

import dev.storefront.domain.cart.CartService;
import dev.storefront.dynamodb.DynamoDbCartRepository;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.TableNames;
import dev.storefront.platform.config.StoreConfiguration;
import dev.storefront.platform.http.Authenticator;
import dev.storefront.platform.http.ErrorMapper;
import dev.storefront.platform.http.RequestPipeline;
import dev.storefront.platform.idempotency.IdempotencyGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Wiring of the cart function on top of the shared {@code FunctionBeans}. */
@Factory
public class CartBeans {

    @Singleton
    CartService cartService(TableNames tables, StoreConfiguration store, DynamoDbEnhancedClient dynamoDb,
            Clock clock) {
        return new CartService(new DynamoDbCartRepository(dynamoDb, tables.carts()),
                new DynamoDbProductRepository(dynamoDb, tables.products()), clock, store.currency());
    }

    @Singleton
    RequestPipeline pipeline(CartService carts, Authenticator authenticator, IdempotencyGuard idempotency,
            ErrorMapper errors) {
        return new RequestPipeline(new CartApi(carts).routes(), authenticator, idempotency, errors);
    }
}
