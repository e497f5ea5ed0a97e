package dev.storefront.local.seed;

import dev.storefront.democatalog.DemoCatalog;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductDraft;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.local.LocalSeeder;
import dev.storefront.local.SeedContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Seeds the demo catalog ({@code STOREFRONT_SEED_PRODUCTS}, default 1000; {@code STOREFRONT_SEED}, default 42)
 * through {@link CatalogService#importNew}: the rules and product construction of {@code POST /admin/products},
 * written with batched writes (one request per 25 items instead of one transaction per product). When the SKUs already exist (a kept data directory) nothing is
 * written, so restarts do not duplicate or undo anything.
 */
public final class CatalogSeeder implements LocalSeeder {

    public static final String COUNT = "STOREFRONT_SEED_PRODUCTS";
    public static final String SEED = "STOREFRONT_SEED";
    static final int DEFAULT_COUNT = 1000;
    static final long DEFAULT_SEED = 42;

    /** Nothing is cached while seeding: the functions are not serving yet. */
    private static final ProductCache NO_CACHE = ProductCache.none();

    @Override
    public void seed(SeedContext context) throws Exception {
        String table = context.tableNames().get("ProductsTable");
        if (table == null) {
            return;
        }
        int count = integer(context.settings().get(COUNT), DEFAULT_COUNT, COUNT);
        long seed = integer(context.settings().get(SEED), (int) DEFAULT_SEED, SEED);
        if (count <= 0) {
            context.banner("Catalog: not seeded (" + COUNT + "=0)");
            return;
        }
        String currency = context.environment().getOrDefault("STOREFRONT_CURRENCY", DemoCatalog.DEFAULT_CURRENCY);
        CatalogService catalog = new CatalogService(
                new DynamoDbProductRepository(DynamoDbClientFactory.enhanced(context.dynamoDb()), table), NO_CACHE,
                new IdGenerator(Clock.systemUTC(), new SecureRandom()), Clock.systemUTC(), currency);
        long started = System.nanoTime();
        List<ProductDraft> drafts = new DemoCatalog(currency).generate(seed, count);
        try {
            catalog.importNew(drafts);
        } catch (SkuTakenException e) {
            // A kept data directory already holds this demo catalog: leave it (and any edits) as it is.
            context.banner(String.format("Catalog: demo products already present (seed %d)", seed));
            return;
        }
        context.banner(String.format("Catalog: %d demo products seeded (seed %d, %d ms)", drafts.size(), seed,
                (System.nanoTime() - started) / 1_000_000));
    }

    private static int integer(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not '" + value + "'");
        }
    }
}
