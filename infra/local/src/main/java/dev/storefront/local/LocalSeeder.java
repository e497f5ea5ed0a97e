package dev.storefront.local;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Hook that fills the local stack with data (an admin account, demo products...) after the local DynamoDB
 * (moto) and Redis are up and the tables exist, before the gateway serves requests. {@code LocalMain} finds
 * implementations with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.storefront.local.LocalSeeder})
 * by default; tests may replace them through {@link LocalOptions.Builder#seeder}.
 */
@FunctionalInterface
public interface LocalSeeder {

    /**
     * Seeds data. Throwing aborts the start-up.
     *
     * @param context the running local services and a place for banner lines
     */
    void seed(SeedContext context) throws Exception;

    /** Every seeder registered with {@link ServiceLoader}, run in order, or {@code null} when there is none. */
    static LocalSeeder discovered() {
        List<LocalSeeder> all = new ArrayList<>();
        ServiceLoader.load(LocalSeeder.class).forEach(all::add);
        if (all.isEmpty()) {
            return null;
        }
        return context -> {
            for (LocalSeeder seeder : all) {
                seeder.seed(context);
            }
        };
    }
}
