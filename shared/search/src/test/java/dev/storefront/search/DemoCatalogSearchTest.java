package dev.storefront.search;

import static dev.storefront.search.Products.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour over the demo catalog (seed 42, 2000 products). */
class DemoCatalogSearchTest {

    private static final int COUNT = 2000;
    private static List<Product> products;
    private static ProductIndex index;

    @BeforeAll
    static void buildIndex() {
        products = Products.demo(42, COUNT);
        index = new ProductIndex(KEY);
        index.rebuild(products);
    }

    @AfterAll
    static void closeIndex() throws IOException {
        index.close();
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of(Map.of("sort", "newest")),
                Arguments.of(Map.of("sort", "price_asc")),
                Arguments.of(Map.of("sort", "price_desc")),
                Arguments.of(Map.of("sort", "relevance")),
                Arguments.of(Map.of("sort", "price_asc", "inStock", "true", "maxPrice", "9999")),
                Arguments.of(Map.of("q", "the")),
                Arguments.of(Map.of("q", "quality", "sort", "price_desc")),
                Arguments.of(Map.of("q", "for", "sort", "newest")),
                Arguments.of(Map.of("q", "a", "category", "Books")));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void paging_shouldReturnEveryMatchExactlyOnce(Map<String, String> parameters) {
        SearchRequest first = SearchRequest.parse(withLimit(parameters, "37"));
        long total = index.search(first.withLimit(100)).total();
        assertThat(total).isGreaterThan(100);

        List<String> seen = new ArrayList<>();
        SearchRequest request = first;
        int pages = 0;
        while (true) {
            SearchResult page = index.search(request);
            assertThat(page.total()).isEqualTo(total);
            page.items().forEach(item -> seen.add(item.productId()));
            pages++;
            if (page.nextCursor() == null) {
                assertThat(page.items()).hasSizeLessThanOrEqualTo(37);
                break;
            }
            assertThat(page.items()).hasSize(37);
            request = first.withCursor(page.nextCursor());
        }

        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(pages).isEqualTo((int) ((total + 36) / 37));
    }

    @Test
    void paging_shouldFollowPriceOrder_withTiesBrokenById() {
        List<String> seen = pageThrough(SearchRequest.parse(Map.of("sort", "price_asc", "limit", "100")));
        List<String> expected = products.stream()
                .sorted(Comparator.comparingLong((Product p) -> p.price().amount()).thenComparing(Product::productId))
                .map(Product::productId).toList();

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(products.stream().map(p -> p.price().amount()).distinct().count()).isLessThan(COUNT);
    }

    @Test
    void paging_shouldFollowNewestOrder_withTiesBrokenById() {
        List<String> seen = pageThrough(SearchRequest.parse(Map.of("limit", "100")));
        List<String> expected = products.stream()
                .sorted(Comparator.comparing(Product::createdAt).reversed().thenComparing(Product::productId))
                .map(Product::productId).toList();

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filters_shouldMatchTheCatalog() {
        Product sample = products.get(0);
        Map<String, String> parameters = Map.of("category", sample.category(), "brand", sample.brand(),
                "minPrice", "1000", "maxPrice", "50000", "inStock", "true", "limit", "100");
        Predicate<Product> expected = p -> p.category().equals(sample.category()) && p.brand().equals(sample.brand())
                && p.price().amount() >= 1000 && p.price().amount() <= 50_000 && p.inStock();

        List<String> seen = pageThrough(SearchRequest.parse(parameters));

        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                products.stream().filter(expected).map(Product::productId).toList());
    }

    @Test
    void facets_shouldBeConsistentWithTotal() {
        SearchResult result = index.search(SearchRequest.parse(Map.of("q", "the", "inStock", "true")));

        assertThat(result.facets().category().stream().mapToLong(FacetCount::count).sum()).isEqualTo(result.total());
        assertThat(result.facets().price().stream().mapToLong(PriceBandCount::count).sum()).isEqualTo(result.total());
        assertThat(result.facets().brand()).hasSizeLessThanOrEqualTo(ProductIndex.TOP_BRANDS);
        assertThat(result.facets().brand()).isSortedAccordingTo(
                Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
    }

    @Test
    void facets_shouldCountTheWholeCatalog_withoutQuery() {
        SearchResult result = index.search(SearchRequest.all());
        Map<String, Long> byCategory = new HashMap<>();
        products.forEach(p -> byCategory.merge(p.category(), 1L, Long::sum));

        assertThat(result.total()).isEqualTo(COUNT);
        assertThat(result.facets().category()).hasSize(byCategory.size())
                .allSatisfy(c -> assertThat(c.count()).isEqualTo(byCategory.get(c.value())));
        assertThat(result.facets().brand()).hasSize(ProductIndex.TOP_BRANDS);
        assertThat(index.categories()).hasSize(byCategory.size())
                .isSortedAccordingTo(Comparator.comparing(CategoryCount::category))
                .allSatisfy(c -> assertThat(c.count()).isEqualTo(byCategory.get(c.category())));
    }

    @Test
    void cursor_shouldBeRejected_whenTampered() {
        String cursor = index.search(SearchRequest.parse(Map.of("sort", "price_asc"))).nextCursor();
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[raw.length / 2] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertInvalidCursor(Map.of("sort", "price_asc"), tampered);
        assertInvalidCursor(Map.of("sort", "price_asc"), cursor.substring(0, cursor.length() - 4));
        assertInvalidCursor(Map.of("sort", "price_asc"), "AAAA");
        assertInvalidCursor(Map.of("sort", "price_asc"), "bm90LWEtY3Vyc29y");
    }

    @Test
    void cursor_shouldBeRejected_forAnotherQuery() {
        String cursor = index.search(SearchRequest.parse(Map.of("sort", "price_asc"))).nextCursor();

        assertInvalidCursor(Map.of("sort", "price_desc"), cursor);
        assertInvalidCursor(Map.of("sort", "price_asc", "inStock", "true"), cursor);
        assertInvalidCursor(Map.of("sort", "price_asc", "q", "the"), cursor);
    }

    @Test
    void cursor_shouldBeRejected_whenSignedWithAnotherKey() throws IOException {
        try (ProductIndex other = new ProductIndex("another-key-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8))) {
            other.rebuild(products.subList(0, 50));
            String cursor = other.search(SearchRequest.all()).nextCursor();

            assertInvalidCursor(Map.of(), cursor);
        }
    }

    @Test
    void cursor_shouldStayValid_whenLimitChanges() {
        SearchResult first = index.search(SearchRequest.parse(Map.of("limit", "10")));
        SearchResult second = index.search(SearchRequest.parse(Map.of("limit", "5", "cursor", first.nextCursor())));

        assertThat(second.items()).hasSize(5);
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }

    @Test
    void search_shouldFindHeadphones_despiteATypo_andByPrefix() {
        long headphones = products.stream().filter(p -> p.name().contains("Headphones")).count();
        assertThat(headphones).isPositive();

        SearchResult typo = index.search(SearchRequest.text("wireless hedphones"));
        SearchResult prefix = index.search(SearchRequest.text("wireless head"));

        assertThat(typo.total()).isEqualTo(headphones);
        assertThat(typo.items()).allSatisfy(item -> assertThat(item.name()).contains("Headphones"));
        assertThat(prefix.items()).allSatisfy(item -> assertThat(item.name()).contains("Headphones"));
    }

    @Test
    void upsertsWhileSearching_shouldNotFail() throws Exception {
        try (ProductIndex live = new ProductIndex(KEY)) {
            live.rebuild(products);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> writer = pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (int i = round; i < COUNT; i += 4) {
                            Product p = products.get(i);
                            live.upsert(i % 8 == 0 ? Products.archived(p) : p);
                            if (i % 50 == 0) {
                                live.refresh();
                            }
                        }
                    }
                    writing.set(false);
                    return 0;
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        int searches = 0;
                        while (writing.get() || searches < 10) {
                            SearchResult result = live.search(SearchRequest.parse(Map.of("q", "the", "limit", "50")));
                            if (result.nextCursor() != null) {
                                live.search(SearchRequest.parse(Map.of("q", "the", "limit", "50",
                                        "cursor", result.nextCursor())));
                            }
                            live.categories();
                            searches++;
                        }
                        return searches;
                    }));
                }
                writer.get();
                for (Future<Integer> reader : readers) {
                    assertThat(reader.get()).isGreaterThanOrEqualTo(10);
                }
            } finally {
                pool.shutdownNow();
            }
            live.refresh();
            long archived = products.stream().filter(p -> Integer.parseInt(p.productId().substring(1)) % 8 == 0).count();
            assertThat(live.size()).isEqualTo(COUNT - (int) archived);
        }
    }

    private static void assertInvalidCursor(Map<String, String> parameters, String cursor) {
        Map<String, String> withCursor = new HashMap<>(parameters);
        withCursor.put("cursor", cursor);
        assertThatThrownBy(() -> index.search(SearchRequest.parse(withCursor)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-cursor");
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor");
                });
    }

    private static List<String> pageThrough(SearchRequest first) {
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        SearchRequest request = first;
        while (true) {
            SearchResult page = index.search(request);
            page.items().forEach(item -> {
                seen.add(item.productId());
                unique.add(item.productId());
            });
            if (page.nextCursor() == null) {
                break;
            }
            request = first.withCursor(page.nextCursor());
        }
        assertThat(unique).hasSize(seen.size());
        return seen;
    }

    private static Map<String, String> withLimit(Map<String, String> parameters, String limit) {
        Map<String, String> copy = new HashMap<>(parameters);
        copy.put("limit", limit);
        return copy;
    }
}
