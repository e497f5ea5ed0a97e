package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.FixtureCatalog.FRESHNESS;
import static dev.storefront.local.e2e.FixtureCatalog.assertFacets;
import static dev.storefront.local.e2e.FixtureCatalog.assertSummary;
import static dev.storefront.local.e2e.FixtureCatalog.await;
import static dev.storefront.local.e2e.FixtureCatalog.body;
import static dev.storefront.local.e2e.FixtureCatalog.categoryCounts;
import static dev.storefront.local.e2e.FixtureCatalog.idsOf;
import static dev.storefront.local.e2e.FixtureCatalog.onlyItem;
import static dev.storefront.local.e2e.FixtureCatalog.uniqueWord;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.ok;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.local.e2e.FixtureCatalog.Draft;
import dev.storefront.local.e2e.FixtureCatalog.Listed;
import dev.storefront.local.e2e.Http.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Changes reaching search end to end on the {@link FixtureCatalog}: created, renamed, sold-out and archived
 * products visible to search (and gone from it) within 5 s, through the products stream, the indexer and the Redis
 * change feed; the search cache missing again once a change is visible; and search while Redis is stopped.
 *
 * <p>The Redis outage test runs last, and this class after the other search classes ({@code @Order}, see
 * {@code junit-platform.properties}): it stops and restarts the Redis of the catalog's stack, after which every
 * search instance rebuilds its index and trips once over a dead pooled connection.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchFreshnessE2EIT extends FixtureCatalogE2E {

    @Test
    void create_shouldBeSearchable_within5Seconds() {
        // given
        String word = uniqueWord();

        // when
        Listed created = catalog.create(new Draft("Fresh " + word, "Made to order.", "Freshness Lab", "Acme", 3_333, 2,
                List.of("https://img.example/" + word + ".jpg")));

        // then
        Response found = await(FRESHNESS, () -> search("q", word), body -> body.path("total").asLong() == 1);
        assertThat(productIds(ok(found))).as("searchable within 5 s: %s", found).containsExactly(created.id());
        assertSummary(onlyItem(found.json()), created);
        assertThat(productIds(ok(search("q", word.substring(0, 6), "category", "freshness lab", "minPrice", "3333",
                "maxPrice", "3333", "inStock", "true")))).containsExactly(created.id());
    }

    @Test
    void replace_shouldMakeTheNewNameSearchable_andTheOldOneNot_within5Seconds() {
        // given: a searchable product, and an answer for its old name in the cache
        String oldWord = uniqueWord();
        String newWord = uniqueWord();
        Listed product = catalog.awaitSearchable(catalog.create(new Draft("Renamed " + oldWord, "Made to order.",
                "Freshness Lab", "Borealis", 4_444, 3, List.of())));
        assertThat(ok(search("q", oldWord)).path("total").asLong()).isEqualTo(1);

        // when
        Response replaced = stack.http().put("/admin/products/" + product.id(),
                body(new Draft("Renamed " + newWord, "Made to order.", "Freshness Lab", "Borealis", 4_444, 3,
                        List.of())), "Authorization", stack.admin(), "If-Match", String.valueOf(product.version()));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        Listed renamed = catalog.remember(replaced.json());

        // then
        Response found = await(FRESHNESS, () -> search("q", newWord), body -> body.path("total").asLong() == 1);
        assertThat(productIds(ok(found))).as("the new name within 5 s: %s", found).containsExactly(product.id());
        assertSummary(onlyItem(found.json()), renamed);
        assertThat(ok(search("q", oldWord)).path("total").asLong()).as("the old name").isZero();
    }

    @Test
    void setStock_shouldMoveTheProductToTheSoldOutFilter_within5Seconds() {
        // given
        String word = uniqueWord();
        Listed product = catalog.awaitSearchable(catalog.create(new Draft("Stocked " + word, "Made to order.",
                "Freshness Lab", "Dunmore", 5_555, 7, List.of())));
        assertThat(productIds(ok(search("q", word, "inStock", "true")))).containsExactly(product.id());

        // when
        Response stock = stack.setStock(product.id(), 0);
        assertThat(stock.status()).as("%s", stock).isEqualTo(200);
        catalog.remember(stock.json());

        // then
        Response soldOut = await(FRESHNESS, () -> search("q", word, "inStock", "false"),
                body -> body.path("total").asLong() == 1);
        assertThat(productIds(ok(soldOut))).as("sold out within 5 s: %s", soldOut).containsExactly(product.id());
        assertThat(onlyItem(soldOut.json()).path("inStock").asBoolean()).isFalse();
        assertThat(ok(search("q", word, "inStock", "true")).path("total").asLong()).isZero();
    }

    @Test
    void archive_shouldRemoveTheProductFromSearchAndCategories_within5Seconds() {
        // given: the only product of its category
        String word = uniqueWord();
        String category = "Ephemera " + word;
        Listed product = catalog.awaitSearchable(catalog.create(new Draft("Archived " + word, "Made to order.",
                category, "Elkhorn", 6_666, 1, List.of())));
        assertThat(categoryCounts(ok(catalog.categories()))).contains(category + "=1");

        // when
        Response archived = stack.archive(product.id());
        assertThat(archived.status()).as("%s", archived).isEqualTo(204);
        catalog.forget(product.id());

        // then
        assertProblem(stack.http().get("/products/" + product.id()), 404);
        Response gone = await(FRESHNESS, () -> search("q", word), body -> body.path("total").asLong() == 0);
        assertThat(ok(gone).path("items")).as("gone from search within 5 s: %s", gone).isEmpty();
        Response categories = await(FRESHNESS, () -> catalog.categories(),
                body -> categoryCounts(body).equals(catalog.expectedCategories()));
        assertThat(categoryCounts(ok(categories))).as("gone from categories within 5 s")
                .doesNotContain(category + "=1")
                .containsExactlyElementsOf(catalog.expectedCategories());
        assertThat(productIds(ok(search("category", category)))).isEmpty();
    }

    @Test
    void xCache_shouldHitForARepeatedQuery_andMissAgainOnceAChangeIsVisible() {
        // given: a query nobody asked before
        String maxPrice = String.valueOf(90_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        String[] query = {"category", "Freshness Lab", "maxPrice", maxPrice, "limit", "100"};

        // when
        Response first = search(query);
        Response second = search(query);

        // then
        assertThat(first.header("X-Cache")).as("%s", first).contains("miss");
        assertThat(second.header("X-Cache")).as("%s", second).contains("hit");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Http.APPLICATION_JSON));

        // when: the catalog changes
        String word = uniqueWord();
        Listed created = catalog.create(new Draft("Cached " + word, "Made to order.", "Freshness Lab", "Fennick", 7_777, 1,
                List.of()));

        // then: the first answer that shows it was computed, the next one comes from the cache again
        Response changed = await(FRESHNESS, () -> search(query), body -> productIds(body).contains(created.id()));
        assertThat(productIds(ok(changed))).as("visible within 5 s: %s", changed).contains(created.id());
        assertThat(changed.header("X-Cache")).contains("miss");
        assertThat(productIds(changed.json())).containsExactlyInAnyOrderElementsOf(
                idsOf(matching(p -> p.category().equals("Freshness Lab"))));
        Response again = search(query);
        assertThat(again.header("X-Cache")).contains("hit");
        assertThat(again.json()).isEqualTo(changed.json());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void search_shouldKeepAnswering_whileRedisIsStopped_andFindWhatChangedMeanwhile_afterARestart() {
        // given: answers in the cache
        String[] garden = {"category", "Garden", "limit", "100"};
        search(garden);
        search(garden);
        String word = uniqueWord();
        Listed created;

        try {
            // when
            stack.storefront().redis().stop();

            // then: search answers from the index, reads from DynamoDB
            for (int i = 0; i < 3; i++) {
                Response found = search(garden);
                assertThat(productIds(ok(found))).containsExactlyInAnyOrderElementsOf(
                        idsOf(matching(p -> p.category().equals("Garden"))));
                assertThat(found.header("X-Cache")).contains("miss");
                assertFacets(found.json(), matching(p -> p.category().equals("Garden")));
                assertThat(categoryCounts(ok(catalog.categories())))
                        .containsExactlyElementsOf(catalog.expectedCategories());
                Response product = stack.http().get("/products/" + exactName.id());
                assertThat(product.status()).as("%s", product).isEqualTo(200);
                assertThat(product.field("name")).isEqualTo(exactName.name());
            }
            assertThat(productIds(ok(search("q", "marzipelo")))).containsExactlyInAnyOrder(exactName.id(),
                    inDescription.id());

            // when: a product is created while the change feed is away
            created = catalog.create(new Draft("Outage " + word, "Made to order.", "Garden", "Acme", 8_888, 1, List.of()));
        } finally {
            stack.storefront().redis().start();
        }

        // then: the indexer's retries or the search instance's rebuild bring it in
        Response found = await(Duration.ofSeconds(15), () -> search("q", word),
                body -> body.path("total").asLong() == 1);
        assertThat(productIds(ok(found))).as("searchable within 15 s of the restart: %s", found)
                .containsExactly(created.id());
        assertThat(productIds(ok(search(garden)))).containsExactlyInAnyOrderElementsOf(
                idsOf(matching(p -> p.category().equals("Garden"))));
        assertThat(categoryCounts(ok(catalog.categories()))).containsExactlyElementsOf(catalog.expectedCategories());
    }
}
