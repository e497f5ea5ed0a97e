package dev.storefront.search;

import static dev.storefront.search.Products.KEY;
import static dev.storefront.search.Products.archived;
import static dev.storefront.search.Products.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductIndexTest {

    private ProductIndex index;

    @BeforeEach
    void setUp() {
        index = new ProductIndex(KEY);
        index.rebuild(List.of(
                product("a1", "Aurora Wireless Headphones", "Closed-back, 30 hours of battery.", "Electronics", "Aurora", 12_999, 5, 1),
                product("a2", "Aurora Bluetooth Speaker", "Pairs with your headphones in seconds.", "Electronics", "Aurora", 4_999, 0, 2),
                product("b1", "Crème Brûlée Torch", "Caramelise sugar like a chef.", "Kitchen", "Flambé", 2_500, 12, 3),
                product("b2", "Cast Iron Skillet", "Pre-seasoned, oven safe.", "Kitchen", "Lodgeworks", 3_999, 3, 4),
                product("c1", "The Silent Garden (Paperback)", "A mystery title readers come back to.", "Books", "Harbor Press", 1_499, 40, 5),
                product("c2", "Headphone Stand", "Walnut stand for any headset.", "Electronics", "Deskcraft", 2_499, 7, 6)));
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    @Test
    void search_shouldRankNameMatch_aboveDescriptionOnlyMatch() {
        SearchResult result = index.search(SearchRequest.text("headphones"));

        assertThat(ids(result)).startsWith("a1").contains("a2");
        assertThat(ids(result).indexOf("a1")).isLessThan(ids(result).indexOf("a2"));
    }

    @Test
    void search_shouldRankExactMatch_aboveOneTypoMatch() {
        // "headphone" is one edit from "headphones": c2 matches only by the typo rule.
        SearchResult result = index.search(SearchRequest.text("headphones"));

        assertThat(ids(result)).contains("c2");
        assertThat(ids(result).indexOf("a1")).isLessThan(ids(result).indexOf("c2"));
    }

    @Test
    void search_shouldTolerateOneTypoPerWord() {
        assertThat(ids(index.search(SearchRequest.text("hedphones")))).contains("a1");
        assertThat(ids(index.search(SearchRequest.text("skilet cast")))).containsExactly("b2");
    }

    @Test
    void search_shouldNotMatch_whenAWordHasTwoTypos() {
        assertThat(index.search(SearchRequest.text("hedphons")).total()).isZero();
        assertThat(index.search(SearchRequest.text("skkilet iron")).total()).isZero();
    }

    @Test
    void search_shouldNotApplyTypoTolerance_toShortWords() {
        // "irn" is one edit from "iron", but words under four letters must match exactly (or as the last prefix).
        assertThat(index.search(SearchRequest.text("irn skillet")).total()).isZero();
    }

    @Test
    void search_shouldMatchLastWordAsPrefix() {
        assertThat(ids(index.search(SearchRequest.text("head")))).containsExactlyInAnyOrder("a1", "a2", "c2");
        assertThat(ids(index.search(SearchRequest.text("cast ir")))).containsExactly("b2");
    }

    @Test
    void search_shouldNotMatchEarlierWordsAsPrefix() {
        assertThat(index.search(SearchRequest.text("ca iron")).total()).isZero();
    }

    @Test
    void search_shouldRequireEveryWord() {
        assertThat(ids(index.search(SearchRequest.text("aurora speaker")))).containsExactly("a2");
        assertThat(index.search(SearchRequest.text("aurora skillet")).total()).isZero();
    }

    @Test
    void search_shouldMatchAcrossFields() {
        // "aurora" is the brand, "electronics" the category, "battery" only in the description.
        assertThat(ids(index.search(SearchRequest.text("electronics aurora battery")))).containsExactly("a1");
    }

    @Test
    void search_shouldFoldAccentsAndCase() {
        assertThat(ids(index.search(SearchRequest.text("creme brulee")))).containsExactly("b1");
        assertThat(ids(index.search(SearchRequest.text("CRÈME")))).containsExactly("b1");
        assertThat(ids(index.search(SearchRequest.text("flambe")))).containsExactly("b1");
    }

    @Test
    void search_shouldMatchNothing_whenQueryHasNoWords() {
        assertThat(index.search(SearchRequest.text("!!! ---")).total()).isZero();
    }

    @Test
    void search_shouldSurviveLongQueriesOfManyWords() {
        String q = "headphones ".repeat(18).strip();

        assertThat(ids(index.search(SearchRequest.text(q)))).contains("a1");
    }

    @Test
    void search_shouldReturnSummaryFields() {
        ProductSummary summary = index.search(SearchRequest.text("torch")).items().get(0);

        assertThat(summary).isEqualTo(new ProductSummary("b1", "Crème Brûlée Torch", "Kitchen", "Flambé",
                Money.of(2_500, "USD"), true, "https://img.example/b1.jpg"));
    }

    @Test
    void search_shouldFilterByCategoryAndBrand_caseInsensitively() {
        assertThat(ids(search(Map.of("category", "kitchen")))).containsExactlyInAnyOrder("b1", "b2");
        assertThat(ids(search(Map.of("brand", "AURORA")))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(ids(search(Map.of("category", "Electronics", "brand", "deskcraft")))).containsExactly("c2");
        assertThat(search(Map.of("category", "Kitch")).total()).isZero();
    }

    @Test
    void search_shouldFilterByPriceRange_inclusive() {
        assertThat(ids(search(Map.of("minPrice", "2499", "maxPrice", "3999"))))
                .containsExactlyInAnyOrder("c2", "b1", "b2");
        assertThat(ids(search(Map.of("minPrice", "5000")))).containsExactly("a1");
        assertThat(ids(search(Map.of("maxPrice", "1499")))).containsExactly("c1");
    }

    @Test
    void search_shouldFilterByStock() {
        assertThat(ids(search(Map.of("inStock", "false")))).containsExactly("a2");
        assertThat(search(Map.of("inStock", "true")).total()).isEqualTo(5);
    }

    @Test
    void search_shouldCombineTextAndFilters() {
        assertThat(ids(search(Map.of("q", "head", "inStock", "true", "maxPrice", "5000")))).containsExactly("c2");
    }

    @Test
    void search_shouldSortByPrice() {
        assertThat(ids(search(Map.of("sort", "price_asc")))).containsExactly("c1", "c2", "b1", "b2", "a2", "a1");
        assertThat(ids(search(Map.of("sort", "price_desc")))).containsExactly("a1", "a2", "b2", "b1", "c2", "c1");
    }

    @Test
    void search_shouldSortNewestFirst_byDefaultWithoutQuery() {
        assertThat(ids(search(Map.of()))).containsExactly("c2", "c1", "b2", "b1", "a2", "a1");
        assertThat(ids(search(Map.of("sort", "relevance")))).containsExactly("c2", "c1", "b2", "b1", "a2", "a1");
    }

    @Test
    void search_shouldSortByTextWhenAsked_evenWithQuery() {
        assertThat(ids(search(Map.of("q", "head", "sort", "price_asc")))).containsExactly("c2", "a2", "a1");
        assertThat(ids(search(Map.of("q", "head", "sort", "newest")))).containsExactly("c2", "a2", "a1");
    }

    @Test
    void search_shouldCountFacetsOverQueryAndFilters() {
        SearchResult result = search(Map.of("q", "head"));

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.facets().category()).containsExactly(new FacetCount("Electronics", 3));
        assertThat(result.facets().brand())
                .containsExactly(new FacetCount("Aurora", 2), new FacetCount("Deskcraft", 1));
        assertThat(result.facets().price()).containsExactly(
                new PriceBandCount(0, 1_000L, 0), new PriceBandCount(1_000, 2_500L, 1),
                new PriceBandCount(2_500, 5_000L, 1), new PriceBandCount(5_000, 10_000L, 0),
                new PriceBandCount(10_000, 25_000L, 1), new PriceBandCount(25_000, 50_000L, 0),
                new PriceBandCount(50_000, null, 0));
    }

    @Test
    void search_shouldPutBandBoundaryPriceInUpperBand() {
        SearchResult result = search(Map.of("q", "torch"));

        assertThat(result.facets().price().get(2)).isEqualTo(new PriceBandCount(2_500, 5_000L, 1));
    }

    @Test
    void upsert_shouldReplacePreviousVersion() {
        index.upsert(product("b2", "Enamel Dutch Oven", "Pre-seasoned.", "Kitchen", "Lodgeworks", 8_999, 3, 4));
        index.refresh();

        assertThat(index.search(SearchRequest.text("skillet")).total()).isZero();
        assertThat(ids(index.search(SearchRequest.text("dutch oven")))).containsExactly("b2");
        assertThat(index.size()).isEqualTo(6);
    }

    @Test
    void upsert_shouldRemoveArchivedProduct() {
        Product skillet = product("b2", "Cast Iron Skillet", "Pre-seasoned, oven safe.", "Kitchen", "Lodgeworks", 3_999, 3, 4);

        index.upsert(archived(skillet));
        index.refresh();

        assertThat(index.search(SearchRequest.text("skillet")).total()).isZero();
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.categories()).contains(new CategoryCount("Kitchen", 1));
    }

    @Test
    void changes_shouldBecomeVisible_onRefresh() {
        index.upsert(product("d1", "Garden Hose", "Fifty feet.", "Garden", "Greenline", 2_999, 9, 7));

        assertThat(index.search(SearchRequest.text("hose")).total()).isZero();
        index.refresh();
        assertThat(ids(index.search(SearchRequest.text("hose")))).containsExactly("d1");
    }

    @Test
    void remove_shouldDropProduct_andIgnoreUnknownIds() {
        index.remove("a1");
        index.remove("nope");
        index.refresh();

        assertThat(index.size()).isEqualTo(5);
        assertThat(ids(index.search(SearchRequest.text("headphones")))).doesNotContain("a1");
    }

    @Test
    void rebuild_shouldReplaceEverything_andSkipArchived() {
        Product hose = product("d1", "Garden Hose", "Fifty feet.", "Garden", "Greenline", 2_999, 9, 7);
        Product rake = product("d2", "Leaf Rake", "Steel tines.", "Garden", "Greenline", 1_999, 9, 8);

        index.rebuild(List.of(hose, archived(rake)));

        assertThat(index.size()).isEqualTo(1);
        assertThat(ids(search(Map.of()))).containsExactly("d1");
    }

    @Test
    void categories_shouldCountActiveProducts_byName() {
        assertThat(index.categories()).containsExactly(new CategoryCount("Books", 1),
                new CategoryCount("Electronics", 3), new CategoryCount("Kitchen", 2));
    }

    @Test
    void emptyIndex_shouldAnswerWithNothing() throws IOException {
        try (ProductIndex empty = new ProductIndex(KEY)) {
            SearchResult result = empty.search(SearchRequest.text("anything"));

            assertThat(result.items()).isEmpty();
            assertThat(result.total()).isZero();
            assertThat(result.nextCursor()).isNull();
            assertThat(result.facets().category()).isEmpty();
            assertThat(empty.categories()).isEmpty();
            assertThat(empty.size()).isZero();
        }
    }

    @Test
    void index_shouldReopenFromCommittedDirectory() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (ProductIndex first = new ProductIndex(directory, KEY)) {
            first.rebuild(List.of(product("d1", "Garden Hose", "Fifty feet.", "Garden", "Greenline", 2_999, 9, 7)));
            first.commit();
        }
        try (ProductIndex reopened = new ProductIndex(directory, KEY)) {
            assertThat(ids(reopened.search(SearchRequest.text("hose")))).containsExactly("d1");
        }
    }

    @Test
    void constructor_shouldRejectShortCursorKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProductIndex(new byte[8]));
    }

    private SearchResult search(Map<String, String> parameters) {
        return index.search(SearchRequest.parse(parameters));
    }

    private static List<String> ids(SearchResult result) {
        return result.items().stream().map(ProductSummary::productId).toList();
    }

    @Test
    void browse_shouldCountTheSameFacetsAsAFilteredSearch_andFollowChanges() {
        // given: the whole demo catalog, browsed (no q, no filter) and "filtered" by a bound every product meets
        index.rebuild(Products.demo(7, 500));
        SearchRequest everything = SearchRequest.parse(java.util.Map.of("sort", "price_asc"));
        SearchRequest sameSet = SearchRequest.parse(java.util.Map.of("sort", "price_asc", "minPrice", "0"));

        // when
        SearchResult browsed = index.search(everything);
        SearchResult filtered = index.search(sameSet);

        // then
        assertThat(browsed.total()).isEqualTo(500).isEqualTo(filtered.total());
        assertThat(browsed.facets()).isEqualTo(filtered.facets());
        assertThat(browsed.items()).isEqualTo(filtered.items());

        // and: after a change and a refresh, the memoised counts follow
        index.upsert(archived(Products.demo(7, 500).get(0)));
        index.refresh();
        SearchResult after = index.search(everything);
        assertThat(after.total()).isEqualTo(499);
        assertThat(after.facets()).isEqualTo(index.search(sameSet).facets());
        assertThat(index.categories().stream().mapToLong(CategoryCount::count).sum()).isEqualTo(499);
    }
}
