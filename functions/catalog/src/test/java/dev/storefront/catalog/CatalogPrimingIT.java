package dev.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.auth.SigningKeys;
import dev.storefront.localcloud.FunctionTestEnvironment;
import dev.storefront.localcloud.StoreSnapshot;
import dev.storefront.platform.snapstart.PrimingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming of the catalog and cache-warmer functions against DynamoDB Local and a real Redis: the
 * expected answers, and nothing durable written. (CRaC cannot checkpoint a normal JDK: {@code prime()} is what
 * the handlers' {@code beforeCheckpoint} runs.)
 */
class CatalogPrimingIT {

    private static FunctionTestEnvironment environment;

    @BeforeAll
    static void start() {
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), CatalogPrimingIT.class, Map.of(
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_IDEMPOTENCY_TABLE", "IdempotencyTable",
                "STOREFRONT_JWT_ISSUER", "https://storefront.test/auth",
                "STOREFRONT_JWT_AUDIENCE", "storefront-api",
                "STOREFRONT_JWT_PUBLIC_JWKS", SigningKeys.publicJwkSetJson(SigningKeys.generate()),
                "STOREFRONT_CURRENCY", "USD"));
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void catalogPriming_shouldReadAnAbsentProduct_andRefuseAForgedAdminToken_writingNothingDurable() {
        // given
        CatalogHandler handler = new CatalogHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /products/{productId}", "404", true),
                        tuple("DELETE /admin/products/{productId}", "401", true));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        // Only the cache miss's stampede lock, which expires within seconds; no view counted, nothing cached.
        assertThat(after.redisKeysAddedSince(before)).allSatisfy((key, ttl) -> {
            assertThat(key).isEqualTo("product:v1:{prime-00000000}:lock");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(2_000);
        });
    }

    @Test
    void cacheWarmerPriming_shouldOnlyRead() {
        // given
        CacheWarmerHandler handler = new CacheWarmerHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome).containsExactly(
                tuple("event parsing", "ok"), tuple("warm marker read", "ok"), tuple("product read (absent id)", "ok"));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        assertThat(after.redisKeysAddedSince(before)).isEmpty();
    }
}
