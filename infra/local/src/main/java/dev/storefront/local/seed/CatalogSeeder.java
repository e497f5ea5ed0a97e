package dev.storefront.local.seed;

import dev.storefront.democatalog.DemoCatalog;
import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.catalog.CatalogService;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductDraft;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.dynamodb.DynamoDbClientFactory;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.local.LocalSeeder;
import dev.storefront.local.SeedContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the demo catalog ({@code STOREFRONT_SEED_PRODUCTS}, default 1000; {@code STOREFRONT_SEED}, default 42)
 * through {@link CatalogService#create}, the same code path as {@code POST /admin/products}. Products whose
 * SKU already exists (a kept data directory) are left as they are, so restarts do not duplicate anything.
 */
public final class CatalogSeeder implements LocalSeeder {

    public static final String COUNT = "STOREFRONT_SEED_PRODUCTS";
    public static final String SEED = "STOREFRONT_SEED";
    static final int DEFAULT_COUNT = 1000;
    static final long DEFAULT_SEED = 42;
    private static final int WRITERS = 8;

    /** Nothing is cached while seeding: the functions are not serving yet. */
    private static final ProductCache NO_CACHE = new ProductCache() {
        @Override
        public Optional<Product> get(String productId) {
            return Optional.empty();
        }

        @Override
        public void put(Product product) {
            // Seeding never reads.
        }

        @Override
        public void evict(String productId, long writtenVersion) {
            // Nothing was cached.
        }
    };

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
        AtomicInteger created = new AtomicInteger();
        AtomicInteger existing = new AtomicInteger();
        Iterator<ProductDraft> drafts = new DemoCatalog(currency).iterator(seed, count);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                running.add(writers.submit(() -> {
                    ProductDraft draft;
                    while ((draft = next(drafts)) != null) {
                        try {
                            catalog.create(draft);
                            created.incrementAndGet();
                        } catch (SkuTakenException e) {
                            existing.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        context.banner(String.format("Catalog: %d demo products seeded, %d already present (seed %d, %d ms)",
                created.get(), existing.get(), seed, (System.nanoTime() - started) / 1_000_000));
    }

    private static ProductDraft next(Iterator<ProductDraft> drafts) {
        synchronized (drafts) {
            return drafts.hasNext() ? drafts.next() : null;
        }
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
