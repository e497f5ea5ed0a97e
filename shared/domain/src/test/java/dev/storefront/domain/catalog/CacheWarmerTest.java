package dev.storefront.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheWarmerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final InMemoryCatalog.Products products = new InMemoryCatalog.Products();
    private final WarmableCache cache = new WarmableCache();
    private final CountingViews views = new CountingViews();
    private final StoredFavourites popular = new StoredFavourites();
    private final CacheWarmer warmer = new CacheWarmer(products, cache, views, popular, 2);

    @Test
    void run_shouldCacheTheMostViewedActiveProducts_andMarkTheGeneration() {
        // given
        store("a", ProductStatus.ACTIVE);
        store("b", ProductStatus.ACTIVE);
        store("c", ProductStatus.ACTIVE);
        views.view("b", 5);
        views.view("a", 3);
        views.view("c", 1);

        // when
        CacheWarmer.Outcome outcome = warmer.run("v1");

        // then
        assertThat(outcome).isEqualTo(new CacheWarmer.Outcome(true, 2, 2));
        assertThat(cache.entries).containsOnlyKeys("a", "b");
        assertThat(cache.marker).isEqualTo("v1");
        assertThat(popular.saved).containsExactly("b", "a");
    }

    @Test
    void run_shouldLeaveAWarmCacheAlone_butStillSaveTheFavourites() {
        store("a", ProductStatus.ACTIVE);
        views.view("a", 2);
        cache.marker = "v1";

        CacheWarmer.Outcome outcome = warmer.run("v1");

        assertThat(outcome.warmed()).isFalse();
        assertThat(cache.entries).isEmpty();
        assertThat(popular.saved).containsExactly("a");
    }

    @Test
    void run_shouldWarmAgain_forANewGeneration() {
        store("a", ProductStatus.ACTIVE);
        views.view("a", 2);
        cache.marker = "v1";

        assertThat(warmer.run("v2").warmed()).isTrue();

        assertThat(cache.entries).containsOnlyKeys("a");
        assertThat(cache.marker).isEqualTo("v2");
    }

    @Test
    void run_shouldUseTheSavedFavourites_whenTheViewCountsWereLostWithTheCache() {
        store("a", ProductStatus.ACTIVE);
        store("b", ProductStatus.ARCHIVED);
        popular.saved = List.of("b", "a", "gone");

        CacheWarmer.Outcome outcome = warmer.run("v1");

        assertThat(outcome).isEqualTo(new CacheWarmer.Outcome(true, 1, 0));
        assertThat(cache.entries).containsOnlyKeys("a");
        assertThat(popular.saved).containsExactly("b", "a", "gone");
    }

    @Test
    void run_shouldNotMarkTheCacheWarm_whenTheCacheCouldNotTakeTheProducts() {
        store("a", ProductStatus.ACTIVE);
        views.view("a", 1);
        cache.available = false;

        CacheWarmer.Outcome outcome = warmer.run("v1");

        assertThat(outcome.warmed()).isFalse();
        assertThat(cache.marker).isNull();
    }

    @Test
    void run_shouldTrimTheViewCounts() {
        store("a", ProductStatus.ACTIVE);
        views.view("a", 1);

        warmer.run("v1");

        assertThat(views.keptTop).isEqualTo(CacheWarmer.KEEP_COUNTS);
    }

    @Test
    void catalogGet_shouldCountAViewOfAnActiveProduct_only() {
        store("01ACTIVEPRODUCT00000000000", ProductStatus.ACTIVE);
        CatalogService catalog = new CatalogService(products, cache, views, dev.storefront.domain.IdGenerator.systemDefault(),
                java.time.Clock.systemUTC(), "USD");

        catalog.get("01ACTIVEPRODUCT00000000000");
        catalog.get("01ACTIVEPRODUCT00000000000");

        assertThat(views.counts).containsEntry("01ACTIVEPRODUCT00000000000", 2);
    }

    private void store(String id, ProductStatus status) {
        products.byId.put(id, new Product(id, "SKU-" + id, "Product " + id, "", "Cat", "Brand", Money.of(100, "USD"), 1, 1,
                List.of(), Map.of(), status, NOW, NOW, 1));
    }

    private static final class WarmableCache extends InMemoryCatalog.Cache {
        String marker;
        boolean available = true;

        @Override
        public boolean isWarmFor(String generation) {
            return generation.equals(marker);
        }

        @Override
        public void markWarm(String generation) {
            marker = generation;
        }

        @Override
        public boolean warm(List<Product> toCache) {
            if (!available) {
                return false;
            }
            return super.warm(toCache);
        }
    }

    private static final class CountingViews implements ProductViews {
        final Map<String, Integer> counts = new HashMap<>();
        int keptTop = -1;

        void view(String id, int times) {
            counts.merge(id, times, Integer::sum);
        }

        @Override
        public void record(String productId) {
            view(productId, 1);
        }

        @Override
        public List<String> mostViewed(int limit) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(limit).map(Map.Entry::getKey).toList();
        }

        @Override
        public void keepTop(int count) {
            keptTop = count;
        }
    }

    private static final class StoredFavourites implements PopularProducts {
        List<String> saved = new ArrayList<>();

        @Override
        public void save(List<String> productIds) {
            saved = List.copyOf(productIds);
        }

        @Override
        public List<String> load() {
            return saved;
        }
    }
}
