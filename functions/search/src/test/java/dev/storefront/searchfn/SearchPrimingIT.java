package dev.storefront.searchfn;

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
 * SnapStart priming of the search and search-indexer functions against DynamoDB Local and a real Redis. (CRaC
 * cannot checkpoint a normal JDK: {@code prime()} is what the handlers' {@code beforeCheckpoint} runs.)
 */
class SearchPrimingIT {

    private static FunctionTestEnvironment environment;

    @BeforeAll
    static void start() {
        environment = FunctionTestEnvironment.start(Path.of("../../template.yaml"), SearchPrimingIT.class, Map.of(
                "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
                "STOREFRONT_CURSOR_KEY", "priming-test-cursor-key-of-32-bytes-at-least",
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
    void searchPriming_shouldAnswer_andOnlyCacheAnAnswerThatExpires() {
        // given: the index is built in init, which also gives the change feed its stream and epoch
        SearchHandler handler = new SearchHandler();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /categories", "200", true), tuple("GET /products", "200", true));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        // The (empty) answer to the priming query, in the shared answer cache for at most 66 s.
        assertThat(after.redisKeysAddedSince(before)).allSatisfy((key, ttl) -> {
            assertThat(key).startsWith("search:v1:");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(66_000);
        });
    }

    @Test
    void indexerPriming_shouldMapASampleRecord_andReadTheFeed_withoutPublishing() {
        // given
        CatalogChangePublisher handler = new CatalogChangePublisher();
        StoreSnapshot before = StoreSnapshot.of(environment);

        // when
        List<PrimingResult> results = handler.prime();

        // then
        assertThat(results).extracting(PrimingResult::step, PrimingResult::outcome).containsExactly(
                tuple("event parsing", "ok"), tuple("stream record mapping", "ok"), tuple("change feed read", "ok"));
        StoreSnapshot after = StoreSnapshot.of(environment);
        assertThat(after.itemChangesSince(before)).isEmpty();
        assertThat(after.redisKeys().keySet()).isEqualTo(before.redisKeys().keySet());
    }
}
