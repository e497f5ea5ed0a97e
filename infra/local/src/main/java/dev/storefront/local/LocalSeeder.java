package dev.storefront.local;

/**
 * Hook that fills the local stack with data (an admin account, demo products...) after DynamoDB Local and
 * Redis are up and the tables exist, before the gateway serves requests. {@code LocalMain} finds
 * implementations with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.storefront.local.LocalSeeder});
 * tests pass one through {@link LocalOptions.Builder#seeder}.
 */
@FunctionalInterface
public interface LocalSeeder {

    /**
     * Seeds data. Throwing aborts the start-up.
     *
     * @param context the running local services and a place for banner lines
     */
    void seed(SeedContext context) throws Exception;
}
