package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.FixtureCatalog.BRANDS;
import static dev.storefront.local.e2e.FixtureCatalog.CATEGORIES;
import static dev.storefront.local.e2e.FixtureCatalog.categoryCounts;
import static dev.storefront.local.e2e.FixtureCatalog.mentions;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.ok;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.FixtureCatalog.Listed;
import dev.storefront.local.e2e.Http.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Search filters and facets end to end on the {@link FixtureCatalog}: every category, brand, price bound and stock
 * filter alone and combined with each other and with text, each answer's total and facets as the model counts
 * them, and {@code GET /categories}.
 */
class SearchFacetsE2EIT extends FixtureCatalogE2E {

    @Test
    void filter_shouldSelectEachCategoryAndBrand_caseInsensitively() {
        for (String category : CATEGORIES) {
            catalog.assertFiltered(p -> p.category().equals(category), "category", category.toLowerCase(Locale.ROOT));
        }
        for (String brand : BRANDS) {
            catalog.assertFiltered(p -> p.brand().equals(brand), "brand", brand.toUpperCase(Locale.ROOT));
            catalog.assertFiltered(p -> p.brand().equals(brand), "brand", brand);
        }
        catalog.assertFiltered(p -> false, "brand", "Nobody");
    }

    @Test
    void filter_shouldIncludeBothPriceBounds() {
        assertThat(matching(p -> p.price() == 2_500)).isNotEmpty();
        assertThat(matching(p -> p.price() == 4_999)).isNotEmpty();

        catalog.assertFiltered(p -> p.price() >= 2_500 && p.price() <= 4_999, "minPrice", "2500", "maxPrice", "4999");
        catalog.assertFiltered(p -> p.price() == 1_000, "minPrice", "1000", "maxPrice", "1000");
        catalog.assertFiltered(p -> p.price() >= 50_000, "minPrice", "50000");
        catalog.assertFiltered(p -> p.price() <= 999, "maxPrice", "999");
        catalog.assertFiltered(p -> true, "minPrice", "0", "maxPrice", "100000000");
        catalog.assertFiltered(p -> false, "minPrice", "100000001");
    }

    @Test
    void filter_shouldSplitTheCatalogByStock() {
        JsonNode inStock = catalog.assertFiltered(Listed::inStock, "inStock", "true");
        JsonNode soldOut = catalog.assertFiltered(p -> !p.inStock(), "inStock", "false");

        assertThat(productIds(soldOut)).isNotEmpty();
        assertThat(inStock.path("total").asLong() + soldOut.path("total").asLong()).isEqualTo(catalog.size());
        inStock.path("items").forEach(item -> assertThat(item.path("inStock").asBoolean()).isTrue());
        soldOut.path("items").forEach(item -> assertThat(item.path("inStock").asBoolean()).isFalse());
    }

    @Test
    void filter_shouldCombineWithEachOtherAndWithText() {
        catalog.assertFiltered(p -> p.category().equals("Kitchen") && p.inStock() && p.price() >= 1_000,
                "category", "Kitchen", "inStock", "true", "minPrice", "1000");
        catalog.assertFiltered(p -> p.brand().equals("Cobalt Works") && p.price() <= 9_999 && !p.inStock(),
                "brand", "cobalt works", "maxPrice", "9999", "inStock", "false");
        catalog.assertFiltered(p -> mentions("sturdy").test(p) && p.category().equals("Garden") && p.brand().equals("Acme")
                        && p.price() >= 1 && p.price() <= 25_000,
                "q", "sturdy", "category", "Garden", "brand", "acme", "minPrice", "1", "maxPrice", "25000");
        catalog.assertFiltered(p -> p.category().equals("Lighting") && p.inStock() && mentions("lantern").test(p),
                "q", "lantern", "category", "LIGHTING", "inStock", "true");
    }

    @Test
    void categories_shouldCountTheActiveProductsPerCategory_sortedByName() {
        // when
        Response response = catalog.categories();

        // then
        JsonNode body = ok(response);
        assertThat(fieldNames(body)).containsExactly("items");
        for (JsonNode item : body.path("items")) {
            assertThat(fieldNames(item)).containsExactlyInAnyOrder("category", "count");
            assertThat(item.path("count").isIntegralNumber()).isTrue();
        }
        assertThat(categoryCounts(body)).containsExactlyElementsOf(catalog.expectedCategories());
    }
}
