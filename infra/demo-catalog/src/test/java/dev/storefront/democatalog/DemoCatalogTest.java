package dev.storefront.democatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.catalog.ProductDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private static final Pattern SKU = Pattern.compile("[A-Z]{3}-[A-Z0-9]{3}-[0-9]{6}");
    private static final Pattern SKU_RULE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final DemoCatalog catalog = new DemoCatalog();

    @Test
    void generate_shouldReturnEqualDrafts_whenSeedAndCountAreTheSame() {
        assertThat(catalog.generate(42, 500)).isEqualTo(new DemoCatalog().generate(42, 500));
    }

    @Test
    void generate_shouldReturnDifferentDrafts_whenSeedsDiffer() {
        List<ProductDraft> a = catalog.generate(1, 100);
        List<ProductDraft> b = catalog.generate(2, 100);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.stream().map(ProductDraft::name).toList())
                .isNotEqualTo(b.stream().map(ProductDraft::name).toList());
    }

    @Test
    void generate_shouldStartWithTheShorterCatalog_whenCountGrows() {
        assertThat(catalog.generate(7, 2_000).subList(0, 300)).isEqualTo(catalog.generate(7, 300));
    }

    @Test
    void stream_shouldYieldTheSameDraftsAsGenerate() {
        assertThat(catalog.stream(42, 300).toList()).isEqualTo(catalog.generate(42, 300));
    }

    @Test
    void generate_shouldReturnExactlyCountDrafts() {
        assertThat(catalog.generate(3, 0)).isEmpty();
        assertThat(catalog.generate(3, 1)).hasSize(1);
        assertThat(catalog.generate(3, 1_000)).hasSize(1_000);
    }

    @Test
    void generate_shouldReject_whenCountIsNegativeOrAboveTheSkuSpace() {
        assertThatThrownBy(() -> catalog.generate(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog.stream(1, DemoCatalog.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generate_shouldSpreadOverManyCategoriesAndBrands_whenThousandProducts() {
        List<ProductDraft> drafts = catalog.generate(42, 1_000);

        assertThat(drafts.stream().map(ProductDraft::category).distinct().count()).isGreaterThanOrEqualTo(14);
        assertThat(drafts.stream().map(ProductDraft::brand).distinct().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void generate_shouldKeepEachBrandInOneCategoryFamily_whenSeedIsFixed() {
        Map<String, Set<String>> categoriesByBrand = catalog.generate(42, 1_000).stream()
                .collect(Collectors.groupingBy(ProductDraft::brand,
                        Collectors.mapping(ProductDraft::category, Collectors.toSet())));

        // Sports and shoe brands share datafaker's sport list, so a brand may appear in two departments.
        assertThat(categoriesByBrand.values()).allSatisfy(categories -> assertThat(categories).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void generate_shouldSellOutSomeProducts_butNotMost() {
        long soldOut = catalog.generate(42, 1_000).stream().filter(d -> d.available() == 0).count();

        assertThat(soldOut).isBetween(50L, 120L);
    }

    @Test
    void generate_shouldGiveMostlyUniqueNames_soSearchResultsDiffer() {
        List<ProductDraft> drafts = catalog.generate(42, 1_000);

        assertThat(drafts.stream().map(ProductDraft::name).distinct().count()).isGreaterThanOrEqualTo(950);
    }

    @Test
    void generate_shouldPriceWithShelfEndings_inTheRequestedCurrency() {
        List<ProductDraft> drafts = new DemoCatalog("EUR").generate(5, 1_000);

        assertThat(drafts).allSatisfy(d -> {
            assertThat(d.price().currency()).isEqualTo("EUR");
            assertThat(d.price().amount() % 100).isIn(0L, 49L, 99L);
        });
        assertThat(drafts.stream().map(d -> d.price().amount()).distinct().count()).isGreaterThan(200);
    }

    @Test
    void generate_shouldFollowTheSkuPatternAndPointImagesAtTheExampleDomain() {
        assertThat(catalog.generate(42, 1_000)).allSatisfy(d -> {
            assertThat(d.sku()).matches(SKU);
            assertThat(d.images()).isNotEmpty().allSatisfy(url -> assertThat(url)
                    .startsWith(DemoCatalog.IMAGE_BASE + d.sku() + "-").endsWith(".jpg"));
        });
    }

    @Test
    void generate_shouldSatisfyTheProductRules_forEveryDraft() {
        assertThat(catalog.generate(42, 5_000)).allSatisfy(DemoCatalogTest::assertValid);
    }

    @Test
    void stream_shouldGiveUniqueSkus_whenHundredThousandProducts() {
        Set<String> skus = new HashSet<>();
        long started = System.nanoTime();
        long unique = catalog.stream(42, 100_000).map(ProductDraft::sku).filter(skus::add).count();
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("DemoCatalog: generated 100000 products in " + millis + " ms");
        assertThat(unique).isEqualTo(100_000);
    }

    @Test
    void main_shouldPrintSortedAttributes_soTheSameSeedPrintsTheSameBytes() {
        ProductDraft draft = catalog.generate(42, 1).get(0);

        assertThat(DemoCatalogMain.toJson(draft).get("attributes")).isInstanceOf(java.util.SortedMap.class);
        assertThat(DemoCatalogMain.toJson(draft).keySet()).containsExactly("sku", "name", "description",
                "category", "brand", "price", "stock", "weightGrams", "images", "attributes");
    }

    /** The admin API's validation rules for a product draft. */
    private static void assertValid(ProductDraft d) {
        assertThat(d.sku()).matches(SKU_RULE);
        assertThat(d.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        assertThat(d.description()).hasSizeLessThanOrEqualTo(5_000);
        assertThat(d.category()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        assertThat(d.brand()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        assertThat(d.price().amount()).isBetween(1L, 100_000_000L);
        assertThat(d.available()).isBetween(0, 1_000_000);
        assertThat(d.weightGrams()).isBetween(1, 1_000_000);
        assertThat(d.images()).hasSizeLessThanOrEqualTo(10).allSatisfy(url -> assertThat(url).startsWith("https://"));
        assertThat(d.attributes()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        d.attributes().forEach((key, value) -> {
            assertThat(key).isNotEmpty().hasSizeLessThanOrEqualTo(50);
            assertThat(value).isNotNull().hasSizeLessThanOrEqualTo(500);
        });
    }
}
