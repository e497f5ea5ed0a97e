package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.FixtureCatalog.PRICE_BANDS;
import static dev.storefront.local.e2e.FixtureCatalog.assertFacets;
import static dev.storefront.local.e2e.FixtureCatalog.assertSummary;
import static dev.storefront.local.e2e.FixtureCatalog.idsOf;
import static dev.storefront.local.e2e.FixtureCatalog.mentions;
import static dev.storefront.local.e2e.FixtureCatalog.onlyItem;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.ok;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.FixtureCatalog.Listed;
import dev.storefront.local.e2e.Http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /products} end to end on the {@link FixtureCatalog}: the contract's shape of an answer, and full-text
 * queries (ranking, every word required, one typo per word, the last word as a prefix, nothing found).
 */
class SearchQueryE2EIT extends FixtureCatalogE2E {

    @Test
    void search_shouldAnswerTheContractShape_withEveryActiveProduct() {
        // when
        Response response = search("limit", "100");

        // then
        JsonNode body = ok(response);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("items", "total", "facets", "nextCursor");
        assertThat(body.path("total").isIntegralNumber()).isTrue();
        assertThat(body.path("nextCursor").isNull()).as("one page holds everything: %s", body).isTrue();
        assertThat(body.path("items")).hasSize(catalog.size());
        for (JsonNode item : body.path("items")) {
            assertThat(fieldNames(item)).as("%s", item).containsExactlyInAnyOrder("productId", "name", "category",
                    "brand", "price", "inStock", "image");
            assertThat(fieldNames(item.path("price"))).containsExactlyInAnyOrder("amount", "currency");
            assertThat(item.path("price").path("amount").isIntegralNumber()).as("%s", item).isTrue();
            assertThat(item.path("inStock").isBoolean()).as("%s", item).isTrue();
            assertThat(item.path("image").isTextual() || item.path("image").isNull()).as("%s", item).isTrue();
            assertSummary(item, catalog.get(item.path("productId").asText()));
        }
        JsonNode facets = body.path("facets");
        assertThat(fieldNames(facets)).containsExactlyInAnyOrder("category", "brand", "price");
        for (JsonNode value : concat(facets.path("category"), facets.path("brand"))) {
            assertThat(fieldNames(value)).as("%s", value).containsExactlyInAnyOrder("value", "count");
        }
        for (JsonNode band : facets.path("price")) {
            assertThat(fieldNames(band)).as("%s", band).containsExactlyInAnyOrder("from", "to", "count");
        }
        assertThat(facets.path("price").get(PRICE_BANDS.size() - 1).path("to").isNull()).isTrue();
        assertFacets(body, matching(p -> true));
    }

    @Test
    void search_shouldShowTheFirstImage_orNullWithoutImages() {
        JsonNode withImage = onlyItem(ok(search("q", "marzipello desk")));
        JsonNode withoutImage = onlyItem(ok(search("q", "plain")));

        assertThat(withImage.path("image").asText()).isEqualTo("https://img.example/marzipello.jpg");
        assertThat(withoutImage.path("productId").asText()).isEqualTo(inDescription.id());
        assertThat(withoutImage.has("image")).isTrue();
        assertThat(withoutImage.path("image").isNull()).isTrue();
    }

    @Test
    void text_shouldRankANameMatchFirst_andAlsoFindDescriptionAndTypoMatches() {
        // when
        JsonNode byDefault = ok(search("q", "marzipello", "limit", "100"));
        JsonNode byRelevance = ok(search("q", "marzipello", "sort", "relevance", "limit", "100"));

        // then
        assertThat(productIds(byDefault)).containsExactlyInAnyOrder(exactName.id(), inDescription.id(), typoName.id());
        assertThat(productIds(byDefault).get(0)).as("the exact name match ranks first").isEqualTo(exactName.id());
        assertThat(productIds(byDefault).indexOf(exactName.id())).as("exact before a typo")
                .isLessThan(productIds(byDefault).indexOf(typoName.id()));
        assertThat(productIds(byRelevance)).as("relevance is the default with q").isEqualTo(productIds(byDefault));
        assertFacets(byDefault, List.of(exactName, inDescription, typoName));
    }

    @Test
    void text_shouldSearchBrandsCategoriesAndDescriptions() {
        for (String word : List.of("fennick", "kitchen", "sturdy", "Cobalt", "LIVING")) {
            // when
            JsonNode found = ok(search("q", word, "limit", "100"));

            // then
            List<Listed> expected = matching(mentions(word.toLowerCase(Locale.ROOT)));
            assertThat(expected).as("the fixture uses %s", word).isNotEmpty();
            assertThat(productIds(found)).as("q=%s", word).containsExactlyInAnyOrderElementsOf(idsOf(expected));
            assertFacets(found, expected);
        }
    }

    @Test
    void text_shouldRequireEveryWord() {
        assertThat(productIds(ok(search("q", "marzipello desk")))).containsExactly(exactName.id());
        assertThat(productIds(ok(search("q", "lantern marzipello")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id(), typoName.id());
        assertThat(ok(search("q", "marzipello sturdy")).path("total").asLong()).isZero();
    }

    @Test
    void text_shouldTolerateOneTypoPerWord_butNotTwo() {
        // one letter dropped, changed or swapped in a word
        assertThat(productIds(ok(search("q", "marzipelo")))).containsExactlyInAnyOrder(exactName.id(), inDescription.id());
        assertThat(productIds(ok(search("q", "zybqde")))).containsExactlyInAnyOrderElementsOf(catalog.idsNamed("Zybade"));
        assertThat(productIds(ok(search("q", "zyfdie")))).containsExactlyInAnyOrderElementsOf(catalog.idsNamed("Zyfide"));
        // one typo in each of two words
        assertThat(productIds(ok(search("q", "marzipelo lanturn")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id());
        // two typos in one word
        assertThat(ok(search("q", "marzopelo")).path("total").asLong()).isZero();
        assertThat(ok(search("q", "zyqqde")).path("total").asLong()).isZero();
    }

    @Test
    void text_shouldMatchTheLastWordAsAPrefix_only() {
        assertThat(productIds(ok(search("q", "marzip")))).containsExactlyInAnyOrder(exactName.id(), inDescription.id(),
                typoName.id());
        assertThat(productIds(ok(search("q", "lantern marzipe")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id());
        assertThat(productIds(ok(search("q", "zyba", "limit", "100")))).containsExactlyInAnyOrderElementsOf(
                idsOf(matching(p -> p.name().startsWith("Zyba"))));
        // not the last word: no prefix match
        assertThat(ok(search("q", "marzipe lantern")).path("total").asLong()).isZero();
    }

    @Test
    void text_shouldAnswer200WithNothing_whenNothingMatches() {
        for (String q : List.of("qwxyzzyv", "!!! ???", "\"*?~()[]{}:^-+/\\")) {
            // when
            JsonNode none = ok(search("q", q));

            // then
            assertThat(none.path("items")).as("q=%s", q).isEmpty();
            assertThat(none.path("total").asLong()).isZero();
            assertThat(none.path("nextCursor").isNull()).isTrue();
            assertFacets(none, List.of());
        }
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }
}
