package dev.storefront.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming of the catalog and cache-warmer functions against moto (the local DynamoDB) and a real
 * Redis: the expected answers, and nothing durable written.
 */
class CatalogPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
            "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void catalogPriming_shouldReadAnAbsentProduct_andRefuseAForgedAdminToken_writingNothingDurable() {
        // given
        CatalogHandler handler = new CatalogHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /products/{productId}", "404", true),
                        tuple("DELETE /admin/products/{productId}", "401", true));
        assertThat(primed.itemChanges()).isEmpty();
        // Only the cache miss's stampede lock, which expires within seconds; no view counted, nothing cached.
        assertThat(primed.redisKeysAdded()).allSatisfy((key, ttl) -> {
            assertThat(key).isEqualTo("product:v1:{prime-00000000}:lock");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(2_000);
        });
    }

    @Test
    void cacheWarmerPriming_shouldOnlyRead() {
        // given
        CacheWarmingHandler handler = new CacheWarmingHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome).containsExactly(
                tuple("event parsing", "ok"), tuple("warm marker read", "ok"), tuple("product read (absent id)", "ok"));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.redisKeysAdded()).isEmpty();
    }
}
