package dev.storefront.functions.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.storefront.platform.snapstart.PrimingResult;
import dev.storefront.runtime.testing.PrimingEnvironment;
import dev.storefront.runtime.testing.PrimingEnvironment.Primed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart priming of the search and search-indexer functions against moto (the local DynamoDB) and a real Redis. */
class SearchPrimingIT {

    @RegisterExtension
    static final PrimingEnvironment environment = PrimingEnvironment.of(Map.of(
            "STOREFRONT_PRODUCTS_TABLE", "ProductsTable",
            "STOREFRONT_CURSOR_KEY", "priming-test-cursor-key-of-32-bytes-at-least",
            "STOREFRONT_CURRENCY", "USD"));

    @Test
    void searchPriming_shouldAnswer_andOnlyCacheAnAnswerThatExpires() {
        // given: the index is built in init, which also gives the change feed its stream and epoch
        SearchHandler handler = new SearchHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome, PrimingResult::expected)
                .containsExactly(tuple("GET /categories", "200", true), tuple("GET /products", "200", true));
        assertThat(primed.itemChanges()).isEmpty();
        // The (empty) answer to the priming query, in the shared answer cache for at most 66 s.
        assertThat(primed.redisKeysAdded()).allSatisfy((key, ttl) -> {
            assertThat(key).startsWith("search:v1:");
            assertThat(ttl).isPositive().isLessThanOrEqualTo(66_000);
        });
    }

    @Test
    void indexerPriming_shouldMapASampleRecord_andReadTheFeed_withoutPublishing() {
        // given
        CatalogChangeHandler handler = new CatalogChangeHandler();

        // when
        Primed primed = environment.prime(handler::prime);

        // then
        assertThat(primed.results()).extracting(PrimingResult::step, PrimingResult::outcome).containsExactly(
                tuple("event parsing", "ok"), tuple("stream record mapping", "ok"), tuple("change feed read", "ok"));
        assertThat(primed.itemChanges()).isEmpty();
        assertThat(primed.after().redisKeys().keySet()).isEqualTo(primed.before().redisKeys().keySet());
    }
}
