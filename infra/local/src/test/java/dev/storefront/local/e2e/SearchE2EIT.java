package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.local.LocalOptions;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search function end to end: one local stack from the project's {@code template.yaml} without demo data,
 * a fixture catalog created through {@code POST /admin/products} (made-up words, so full-text expectations are
 * exact), and {@code GET /products} / {@code GET /categories} driven over HTTP. Changes reach search through the
 * products stream, the indexer and the Redis change feed; the tests keep a model of the active products and
 * compute every expected set, order and count from it. The Redis outage test runs last: it stops and restarts
 * the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchE2EIT {

    private static final String ADMIN_EMAIL = "search-admin@storefront.test";
    private static final String ADMIN_PASSWORD = "admin password for search e2e";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The contract promises visibility to search within 5 s of a change. */
    private static final Duration FRESHNESS = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    /** ProductIndex.PRICE_BANDS (lower bounds; each band ends where the next begins, the last is open). */
    private static final List<Long> PRICE_BANDS = List.of(0L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L);
    /** ProductIndex.TOP_BRANDS. */
    private static final int TOP_BRANDS = 20;

    private static final List<String> CATEGORIES = List.of("Garden", "Kitchen", "Lighting", "Outdoor Living");
    private static final List<String> BRANDS = List.of("Acme", "Borealis", "Cobalt Works", "Dunmore", "Elkhorn",
            "Fennick");
    /** Every band, both edges of most of them; each price is used three times (ties). */
    private static final List<Long> PRICES = List.of(1L, 999L, 1_000L, 2_499L, 2_500L, 4_999L, 5_000L, 9_999L,
            10_000L, 24_999L, 25_000L, 50_000L);
    /**
     * Consonant-vowel syllables, pairwise different in both letters: the names "Zy" + two of them differ by
     * at least two edits (a transposition makes two consonants or vowels meet), so no fuzzy match crosses them.
     */
    private static final List<String> SYLLABLES = List.of("ba", "de", "fi", "go", "ku", "my");
    private static final String GENERIC_DESCRIPTION = "A sturdy everyday item.";

    private static LocalStorefront storefront;
    private static Http http;
    private static String admin;

    /** The active products as the tests made them: the source of every expectation. */
    private static final Map<String, Listed> catalog = new LinkedHashMap<>();
    /** "Marzipello desk lantern": the exact name match. */
    private static Listed exactName;
    /** "Plain lantern", with marzipello only in its description. */
    private static Listed inDescription;
    /** "Marzipollo lantern": one letter away from marzipello. */
    private static Listed typoName;

    @BeforeAll
    static void startStorefrontWithTheFixtureCatalog() {
        Path template = Path.of("../../template.yaml").toAbsolutePath().normalize();
        storefront = LocalStorefront.start(LocalOptions.builder(template)
                .port(0)
                .setting("STOREFRONT_ADMIN_EMAIL", ADMIN_EMAIL)
                .setting("STOREFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .setting("STOREFRONT_SEED_PRODUCTS", "0")
                .build());
        http = new Http(storefront.baseUrl());
        Response login = http.post("/auth/login", object("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as("admin login: %s", login).isEqualTo(200);
        admin = "Bearer " + login.field("accessToken");

        for (int i = 0; i < SYLLABLES.size() * SYLLABLES.size(); i++) {
            String token = "zy" + SYLLABLES.get(i / SYLLABLES.size()) + SYLLABLES.get(i % SYLLABLES.size());
            create(new Draft(capitalized(token), GENERIC_DESCRIPTION, CATEGORIES.get(i % CATEGORIES.size()),
                    BRANDS.get(i % BRANDS.size()), PRICES.get(i / 3), i % 5 == 2 ? 0 : i + 1,
                    List.of("https://img.example/" + token + ".jpg", "https://img.example/" + token + "-2.jpg")));
        }
        exactName = create(new Draft("Marzipello desk lantern", "Hand blown glass shade.", "Lighting", "Dunmore",
                1_999, 4, List.of("https://img.example/marzipello.jpg")));
        inDescription = create(new Draft("Plain lantern", "Pairs well with the marzipello range.", "Lighting",
                "Elkhorn", 1_999, 0, List.of()));
        typoName = create(new Draft("Marzipollo lantern", "Hand blown glass shade.", "Lighting", "Acme",
                100_000_000, 1, List.of("https://img.example/marzipollo.jpg")));

        Response all = await(FRESHNESS.multipliedBy(2), () -> search("limit", "1"),
                body -> body.path("total").asLong() == catalog.size());
        assertThat(all.json().path("total").asLong()).as("the fixture is searchable within 10 s: %s", all)
                .isEqualTo(catalog.size());
    }

    @AfterAll
    static void stopStorefront() {
        if (storefront != null) {
            storefront.close();
        }
    }

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
        assertFacets(body, List.copyOf(catalog.values()));
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
        assertThat(ids(byDefault)).containsExactlyInAnyOrder(exactName.id(), inDescription.id(), typoName.id());
        assertThat(ids(byDefault).get(0)).as("the exact name match ranks first").isEqualTo(exactName.id());
        assertThat(ids(byDefault).indexOf(exactName.id())).as("exact before a typo")
                .isLessThan(ids(byDefault).indexOf(typoName.id()));
        assertThat(ids(byRelevance)).as("relevance is the default with q").isEqualTo(ids(byDefault));
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
            assertThat(ids(found)).as("q=%s", word).containsExactlyInAnyOrderElementsOf(idsOf(expected));
            assertFacets(found, expected);
        }
    }

    @Test
    void text_shouldRequireEveryWord() {
        assertThat(ids(ok(search("q", "marzipello desk")))).containsExactly(exactName.id());
        assertThat(ids(ok(search("q", "lantern marzipello")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id(), typoName.id());
        assertThat(ok(search("q", "marzipello sturdy")).path("total").asLong()).isZero();
    }

    @Test
    void text_shouldTolerateOneTypoPerWord_butNotTwo() {
        // one letter dropped, changed or swapped in a word
        assertThat(ids(ok(search("q", "marzipelo")))).containsExactlyInAnyOrder(exactName.id(), inDescription.id());
        assertThat(ids(ok(search("q", "zybqde")))).containsExactlyInAnyOrderElementsOf(idsNamed("Zybade"));
        assertThat(ids(ok(search("q", "zyfdie")))).containsExactlyInAnyOrderElementsOf(idsNamed("Zyfide"));
        // one typo in each of two words
        assertThat(ids(ok(search("q", "marzipelo lanturn")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id());
        // two typos in one word
        assertThat(ok(search("q", "marzopelo")).path("total").asLong()).isZero();
        assertThat(ok(search("q", "zyqqde")).path("total").asLong()).isZero();
    }

    @Test
    void text_shouldMatchTheLastWordAsAPrefix_only() {
        assertThat(ids(ok(search("q", "marzip")))).containsExactlyInAnyOrder(exactName.id(), inDescription.id(),
                typoName.id());
        assertThat(ids(ok(search("q", "lantern marzipe")))).containsExactlyInAnyOrder(exactName.id(),
                inDescription.id());
        assertThat(ids(ok(search("q", "zyba", "limit", "100")))).containsExactlyInAnyOrderElementsOf(
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

    @Test
    void filter_shouldSelectEachCategoryAndBrand_caseInsensitively() {
        for (String category : CATEGORIES) {
            assertFiltered(p -> p.category().equals(category), "category", category.toLowerCase(Locale.ROOT));
        }
        for (String brand : BRANDS) {
            assertFiltered(p -> p.brand().equals(brand), "brand", brand.toUpperCase(Locale.ROOT));
            assertFiltered(p -> p.brand().equals(brand), "brand", brand);
        }
        assertFiltered(p -> false, "brand", "Nobody");
    }

    @Test
    void filter_shouldIncludeBothPriceBounds() {
        assertThat(matching(p -> p.price() == 2_500)).isNotEmpty();
        assertThat(matching(p -> p.price() == 4_999)).isNotEmpty();

        assertFiltered(p -> p.price() >= 2_500 && p.price() <= 4_999, "minPrice", "2500", "maxPrice", "4999");
        assertFiltered(p -> p.price() == 1_000, "minPrice", "1000", "maxPrice", "1000");
        assertFiltered(p -> p.price() >= 50_000, "minPrice", "50000");
        assertFiltered(p -> p.price() <= 999, "maxPrice", "999");
        assertFiltered(p -> true, "minPrice", "0", "maxPrice", "100000000");
        assertFiltered(p -> false, "minPrice", "100000001");
    }

    @Test
    void filter_shouldSplitTheCatalogByStock() {
        JsonNode inStock = assertFiltered(Listed::inStock, "inStock", "true");
        JsonNode soldOut = assertFiltered(p -> !p.inStock(), "inStock", "false");

        assertThat(ids(soldOut)).isNotEmpty();
        assertThat(inStock.path("total").asLong() + soldOut.path("total").asLong()).isEqualTo(catalog.size());
        inStock.path("items").forEach(item -> assertThat(item.path("inStock").asBoolean()).isTrue());
        soldOut.path("items").forEach(item -> assertThat(item.path("inStock").asBoolean()).isFalse());
    }

    @Test
    void filter_shouldCombineWithEachOtherAndWithText() {
        assertFiltered(p -> p.category().equals("Kitchen") && p.inStock() && p.price() >= 1_000,
                "category", "Kitchen", "inStock", "true", "minPrice", "1000");
        assertFiltered(p -> p.brand().equals("Cobalt Works") && p.price() <= 9_999 && !p.inStock(),
                "brand", "cobalt works", "maxPrice", "9999", "inStock", "false");
        assertFiltered(p -> mentions("sturdy").test(p) && p.category().equals("Garden") && p.brand().equals("Acme")
                        && p.price() >= 1 && p.price() <= 25_000,
                "q", "sturdy", "category", "Garden", "brand", "acme", "minPrice", "1", "maxPrice", "25000");
        assertFiltered(p -> p.category().equals("Lighting") && p.inStock() && mentions("lantern").test(p),
                "q", "lantern", "category", "LIGHTING", "inStock", "true");
    }

    @ParameterizedTest(name = "GET /products?{0}")
    @MethodSource("sorts")
    void sort_shouldOrderEveryPage_acrossTheWholeResultSet(String query, Predicate<Listed> filter,
            Comparator<Listed> order) {
        // when
        List<JsonNode> items = everyPage(query, 7);

        // then
        List<String> expected = matching(filter).stream().sorted(order).map(Listed::id).toList();
        assertThat(expected.size()).as("several pages").isGreaterThan(7);
        assertThat(idsOf(items)).as("%s", query).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> sorts() {
        Comparator<Listed> newest = Comparator.comparing(Listed::createdAt).reversed().thenComparing(Listed::id);
        Comparator<Listed> cheapest = Comparator.comparingLong(Listed::price).thenComparing(Listed::id);
        Comparator<Listed> dearest = Comparator.comparingLong(Listed::price).reversed().thenComparing(Listed::id);
        Predicate<Listed> all = p -> true;
        return Stream.of(
                Arguments.of("", all, newest),
                Arguments.of("sort=newest", all, newest),
                Arguments.of("sort=relevance", all, newest),
                Arguments.of("sort=price_asc", all, cheapest),
                Arguments.of("sort=price_desc", all, dearest),
                Arguments.of("q=sturdy&sort=price_asc", mentions("sturdy"), cheapest),
                Arguments.of("inStock=true&sort=price_desc", (Predicate<Listed>) Listed::inStock, dearest),
                Arguments.of("q=sturdy&sort=newest", mentions("sturdy"), newest));
    }

    @Test
    void paging_shouldReturnEveryRelevanceMatchExactlyOnce_evenWhenScoresTie() {
        // given: every generic product has the same description, so "sturdy" scores them all alike
        List<String> expected = idsOf(matching(mentions("sturdy")));

        // when
        List<JsonNode> items = everyPage("q=sturdy", 7);

        // then
        assertThat(idsOf(items)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void paging_shouldAllowAnotherLimit_withTheSameCursor() {
        // given
        List<String> expected = idsOf(everyPage("sort=price_asc", 100));
        JsonNode first = ok(search("sort", "price_asc", "limit", "7"));

        // when
        JsonNode second = ok(search("sort", "price_asc", "limit", "5", "cursor", first.path("nextCursor").asText()));

        // then
        assertThat(ids(second)).containsExactlyElementsOf(expected.subList(7, 12));
        assertThat(second.path("total").asLong()).isEqualTo(first.path("total").asLong());
    }

    @ParameterizedTest(name = "GET /products?{0}")
    @MethodSource("badParameters")
    void search_shouldAnswer400NamingTheParameter_whenItIsBad(String query, List<String> fields) {
        // when
        Response response = http.get("/products?" + query);

        // then
        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).as("%s", problem).containsAll(fields);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                bad("limit=0", "limit"),
                bad("limit=101", "limit"),
                bad("limit=abc", "limit"),
                bad("limit=-1", "limit"),
                bad("limit=1.5", "limit"),
                bad("limit=", "limit"),
                bad("limit=5&limit=6", "limit"),
                bad("minPrice=abc", "minPrice"),
                bad("minPrice=-5", "minPrice"),
                bad("minPrice=99999999999999999999", "minPrice"),
                bad("maxPrice=1.5", "maxPrice"),
                bad("maxPrice=99999999999999999999", "maxPrice"),
                bad("maxPrice=-1", "maxPrice"),
                bad("minPrice=5000&maxPrice=4999", "minPrice"),
                bad("inStock=yes", "inStock"),
                bad("inStock=TRUE", "inStock"),
                bad("inStock=", "inStock"),
                bad("sort=cheapest", "sort"),
                bad("sort=PRICE_ASC", "sort"),
                bad("colour=red", "colour"),
                bad("Limit=5", "Limit"),
                bad("q=" + "a".repeat(201), "q"),
                bad("q=" + "word+".repeat(40) + "x", "q"),
                bad("cursor=!!!", "cursor"),
                bad("cursor=AAAA", "cursor"),
                bad("cursor=" + "A".repeat(513), "cursor"),
                bad("limit=0&sort=cheapest&colour=red&inStock=maybe", "limit", "sort", "colour", "inStock"));
    }

    @Test
    void search_shouldAcceptBoundaryValues() {
        assertThat(ok(search("limit", "1")).path("items")).hasSize(1);
        assertThat(ok(search("limit", "100")).path("items")).hasSize(Math.min(100, catalog.size()));
        assertThat(ok(search("limit", "007")).path("items")).hasSize(7);
        assertThat(ok(search("maxPrice", "999999999999999999")).path("total").asLong()).isEqualTo(catalog.size());
        assertThat(ok(search("q", "", "category", "", "brand", "", "cursor", "")).path("total").asLong())
                .as("empty text parameters count as absent").isEqualTo(catalog.size());
        String longest = "marzipello lantern " + "x".repeat(181);
        assertThat(longest).hasSize(200);
        assertThat(ok(search("q", longest)).path("total").asLong()).isZero();
        String tenWords = "lantern marzipello desk lanturn marzipelo desks lantern marzipello desk lantern";
        assertThat(ids(ok(search("q", tenWords)))).containsExactly(exactName.id());
        String manyWords = "sturdy everyday item ".repeat(9).strip();
        assertThat(ok(search("q", manyWords)).path("total").asLong()).isEqualTo(matching(mentions("sturdy")).size());
    }

    @Test
    void cursor_shouldAnswer400_whenTamperedOrFromAnotherQuery() {
        // given: a real cursor, and proof that it works
        String cursor = ok(search("sort", "price_asc", "limit", "7")).path("nextCursor").asText();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(ok(search("sort", "price_asc", "limit", "7", "cursor", cursor)).path("items")).hasSize(7);
        String textCursor = ok(search("q", "sturdy", "limit", "7")).path("nextCursor").asText();
        assertThat(ok(search("q", "sturdy", "limit", "7", "cursor", textCursor)).path("items")).hasSize(7);

        // when / then
        int middle = cursor.length() / 2;
        String flipped = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                + cursor.substring(middle + 1);
        assertInvalidCursor(search("sort", "price_asc", "limit", "7", "cursor", flipped));
        assertInvalidCursor(search("sort", "price_asc", "limit", "7", "cursor", cursor.substring(0, middle)));
        assertInvalidCursor(search("sort", "price_asc", "limit", "7", "cursor", cursor + "A"));
        assertInvalidCursor(search("sort", "price_desc", "limit", "7", "cursor", cursor));
        assertInvalidCursor(search("sort", "newest", "limit", "7", "cursor", cursor));
        assertInvalidCursor(search("sort", "price_asc", "category", "Garden", "limit", "7", "cursor", cursor));
        assertInvalidCursor(search("sort", "price_asc", "inStock", "true", "limit", "7", "cursor", cursor));
        assertInvalidCursor(search("q", "zyba", "limit", "7", "cursor", textCursor));
        assertInvalidCursor(search("q", "sturdy", "sort", "price_asc", "limit", "7", "cursor", textCursor));
        assertInvalidCursor(search("limit", "7", "cursor", textCursor));
        assertInvalidCursor(search("cursor", "!!!"));
    }

    @Test
    void categories_shouldCountTheActiveProductsPerCategory_sortedByName() {
        // when
        Response response = http.get("/categories");

        // then
        JsonNode body = ok(response);
        assertThat(fieldNames(body)).containsExactly("items");
        for (JsonNode item : body.path("items")) {
            assertThat(fieldNames(item)).containsExactlyInAnyOrder("category", "count");
            assertThat(item.path("count").isIntegralNumber()).isTrue();
        }
        assertThat(categoryCounts(body)).containsExactlyElementsOf(expectedCategories());
    }

    @Test
    void create_shouldBeSearchable_within5Seconds() {
        // given
        String word = uniqueWord();

        // when
        Listed created = create(new Draft("Fresh " + word, "Made to order.", "Freshness Lab", "Acme", 3_333, 2,
                List.of("https://img.example/" + word + ".jpg")));

        // then
        Response found = await(FRESHNESS, () -> search("q", word), body -> body.path("total").asLong() == 1);
        assertThat(ids(ok(found))).as("searchable within 5 s: %s", found).containsExactly(created.id());
        assertSummary(onlyItem(found.json()), created);
        assertThat(ids(ok(search("q", word.substring(0, 6), "category", "freshness lab", "minPrice", "3333",
                "maxPrice", "3333", "inStock", "true")))).containsExactly(created.id());
    }

    @Test
    void replace_shouldMakeTheNewNameSearchable_andTheOldOneNot_within5Seconds() {
        // given: a searchable product, and an answer for its old name in the cache
        String oldWord = uniqueWord();
        String newWord = uniqueWord();
        Listed product = awaitSearchable(create(new Draft("Renamed " + oldWord, "Made to order.", "Freshness Lab",
                "Borealis", 4_444, 3, List.of())));
        assertThat(ok(search("q", oldWord)).path("total").asLong()).isEqualTo(1);

        // when
        Response replaced = http.send(put("/admin/products/" + product.id(),
                body(new Draft("Renamed " + newWord, "Made to order.", "Freshness Lab", "Borealis", 4_444, 3,
                        List.of())))
                .header("If-Match", String.valueOf(product.version())).build());
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        Listed renamed = remember(replaced.json());

        // then
        Response found = await(FRESHNESS, () -> search("q", newWord), body -> body.path("total").asLong() == 1);
        assertThat(ids(ok(found))).as("the new name within 5 s: %s", found).containsExactly(product.id());
        assertSummary(onlyItem(found.json()), renamed);
        assertThat(ok(search("q", oldWord)).path("total").asLong()).as("the old name").isZero();
    }

    @Test
    void setStock_shouldMoveTheProductToTheSoldOutFilter_within5Seconds() {
        // given
        String word = uniqueWord();
        Listed product = awaitSearchable(create(new Draft("Stocked " + word, "Made to order.", "Freshness Lab",
                "Dunmore", 5_555, 7, List.of())));
        assertThat(ids(ok(search("q", word, "inStock", "true")))).containsExactly(product.id());

        // when
        Response stock = http.send(put("/admin/products/" + product.id() + "/stock", object("available", 0)).build());
        assertThat(stock.status()).as("%s", stock).isEqualTo(200);
        remember(stock.json());

        // then
        Response soldOut = await(FRESHNESS, () -> search("q", word, "inStock", "false"),
                body -> body.path("total").asLong() == 1);
        assertThat(ids(ok(soldOut))).as("sold out within 5 s: %s", soldOut).containsExactly(product.id());
        assertThat(onlyItem(soldOut.json()).path("inStock").asBoolean()).isFalse();
        assertThat(ok(search("q", word, "inStock", "true")).path("total").asLong()).isZero();
    }

    @Test
    void archive_shouldRemoveTheProductFromSearchAndCategories_within5Seconds() {
        // given: the only product of its category
        String word = uniqueWord();
        String category = "Ephemera " + word;
        Listed product = awaitSearchable(create(new Draft("Archived " + word, "Made to order.", category, "Elkhorn",
                6_666, 1, List.of())));
        assertThat(categoryCounts(ok(http.get("/categories")))).contains(category + "=1");

        // when
        Response archived = http.send(delete("/admin/products/" + product.id()).build());
        assertThat(archived.status()).as("%s", archived).isEqualTo(204);
        catalog.remove(product.id());

        // then
        assertProblem(http.get("/products/" + product.id()), 404);
        Response gone = await(FRESHNESS, () -> search("q", word), body -> body.path("total").asLong() == 0);
        assertThat(ok(gone).path("items")).as("gone from search within 5 s: %s", gone).isEmpty();
        Response categories = await(FRESHNESS, () -> http.get("/categories"),
                body -> categoryCounts(body).equals(expectedCategories()));
        assertThat(categoryCounts(ok(categories))).as("gone from categories within 5 s")
                .doesNotContain(category + "=1")
                .containsExactlyElementsOf(expectedCategories());
        assertThat(ids(ok(search("category", category)))).isEmpty();
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
        Listed created = create(new Draft("Cached " + word, "Made to order.", "Freshness Lab", "Fennick", 7_777, 1,
                List.of()));

        // then: the first answer that shows it was computed, the next one comes from the cache again
        Response changed = await(FRESHNESS, () -> search(query), body -> ids(body).contains(created.id()));
        assertThat(ids(ok(changed))).as("visible within 5 s: %s", changed).contains(created.id());
        assertThat(changed.header("X-Cache")).contains("miss");
        assertThat(ids(changed.json())).containsExactlyInAnyOrderElementsOf(
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
            storefront.redis().stop();

            // then: search answers from the index, reads from DynamoDB
            for (int i = 0; i < 3; i++) {
                Response found = search(garden);
                assertThat(ids(ok(found))).containsExactlyInAnyOrderElementsOf(
                        idsOf(matching(p -> p.category().equals("Garden"))));
                assertThat(found.header("X-Cache")).contains("miss");
                assertFacets(found.json(), matching(p -> p.category().equals("Garden")));
                assertThat(categoryCounts(ok(http.get("/categories")))).containsExactlyElementsOf(expectedCategories());
                Response product = http.get("/products/" + exactName.id());
                assertThat(product.status()).as("%s", product).isEqualTo(200);
                assertThat(product.field("name")).isEqualTo(exactName.name());
            }
            assertThat(ids(ok(search("q", "marzipelo")))).containsExactlyInAnyOrder(exactName.id(),
                    inDescription.id());

            // when: a product is created while the change feed is away
            created = create(new Draft("Outage " + word, "Made to order.", "Garden", "Acme", 8_888, 1, List.of()));
        } finally {
            storefront.redis().start();
        }

        // then: the indexer's retries or the search instance's rebuild bring it in
        Response found = await(Duration.ofSeconds(15), () -> search("q", word),
                body -> body.path("total").asLong() == 1);
        assertThat(ids(ok(found))).as("searchable within 15 s of the restart: %s", found)
                .containsExactly(created.id());
        assertThat(ids(ok(search(garden)))).containsExactlyInAnyOrderElementsOf(
                idsOf(matching(p -> p.category().equals("Garden"))));
        assertThat(categoryCounts(ok(http.get("/categories")))).containsExactlyElementsOf(expectedCategories());
    }

    /** A product as the tests created it. */
    private record Draft(String name, String description, String category, String brand, long price, int stock,
            List<String> images) {
    }

    /** An active product of the model, as the catalog function last answered it. */
    private record Listed(String id, String name, String description, String category, String brand, long price,
            int stock, String image, Instant createdAt, long version) {

        boolean inStock() {
            return stock > 0;
        }

        Set<String> words() {
            return Arrays.stream(String.join(" ", name, description, category, brand).toLowerCase(Locale.ROOT)
                    .split("[^a-z0-9]+")).collect(Collectors.toSet());
        }
    }

    /** Creates a product and adds it to the model. */
    private static Listed create(Draft draft) {
        Response created = http.post("/admin/products", body(draft), "Authorization", admin);
        assertThat(created.status()).as("create %s: %s", draft, created).isEqualTo(201);
        return remember(created.json());
    }

    /** Puts a product response into the model (replacing what it held for that id). */
    private static Listed remember(JsonNode product) {
        JsonNode images = product.path("images");
        Listed listed = new Listed(product.path("productId").asText(), product.path("name").asText(),
                product.path("description").asText(), product.path("category").asText(),
                product.path("brand").asText(), product.path("price").path("amount").asLong(),
                product.path("stock").path("available").asInt(), images.isEmpty() ? null : images.get(0).asText(),
                Instant.parse(product.path("createdAt").asText()), product.path("version").asLong());
        catalog.put(listed.id(), listed);
        return listed;
    }

    private static ObjectNode body(Draft draft) {
        return object("sku", "SEARCH-" + UUID.randomUUID(), "name", draft.name(), "description", draft.description(),
                "category", draft.category(), "brand", draft.brand(),
                "price", object("amount", draft.price(), "currency", "USD"),
                "stock", object("available", draft.stock()), "weightGrams", 500, "images", draft.images());
    }

    /** Waits until the product's name finds it (so later tests see it); returns it. */
    private static Listed awaitSearchable(Listed product) {
        Response found = await(FRESHNESS, () -> search("q", product.name()),
                body -> ids(body).contains(product.id()));
        assertThat(ids(ok(found))).as("searchable within 5 s: %s", found).contains(product.id());
        return product;
    }

    /** Repeats a request every 100 ms until its body satisfies the condition or the time is up; the last answer. */
    private static Response await(Duration patience, Supplier<Response> request, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        Response response = request.get();
        while (!(response.status() == 200 && condition.test(response.json())) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            response = request.get();
        }
        return response;
    }

    /** {@code GET /products} with alternating parameter names and values, URL-encoded. */
    private static Response search(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(query.length() == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return http.get("/products" + (query.length() == 0 ? "" : "?" + query));
    }

    /** Follows {@code nextCursor} from the first page of a raw query to the last; every item, in order. */
    private static List<JsonNode> everyPage(String query, int limit) {
        String base = "/products?" + (query.isEmpty() ? "" : query + "&") + "limit=" + limit;
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = ok(http.get(base));
        long total = page.path("total").asLong();
        for (int pages = 1; ; pages++) {
            assertThat(page.path("total").asLong()).as("total of page %d of %s", pages, query).isEqualTo(total);
            page.path("items").forEach(items::add);
            if (page.path("nextCursor").isNull()) {
                break;
            }
            assertThat(page.path("items")).as("a page before the last is full").hasSize(limit);
            assertThat(pages).as("pages of %s", query).isLessThanOrEqualTo((int) total / limit + 1);
            String cursor = URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8);
            page = ok(http.get(base + "&cursor=" + cursor));
        }
        assertThat(items).as("every match of %s", query).hasSize((int) total);
        assertThat(idsOf(items)).doesNotHaveDuplicates();
        return items;
    }

    /** Checks a filtered search against the model: the same products, facets and total. */
    private static JsonNode assertFiltered(Predicate<Listed> filter, String... namesAndValues) {
        JsonNode found = ok(search(Stream.concat(Stream.of(namesAndValues), Stream.of("limit", "100"))
                .toArray(String[]::new)));
        List<Listed> expected = matching(filter);
        assertThat(ids(found)).as("%s", Arrays.toString(namesAndValues))
                .containsExactlyInAnyOrderElementsOf(idsOf(expected));
        assertFacets(found, expected);
        return found;
    }

    /** total and every facet of an answer equal what the model's matching products give. */
    private static void assertFacets(JsonNode body, List<Listed> matches) {
        JsonNode facets = body.path("facets");
        assertThat(body.path("total").asLong()).as("total").isEqualTo(matches.size());
        assertThat(counts(facets.path("category"))).as("category facet")
                .containsExactlyElementsOf(expectedFacet(matches, Listed::category, Integer.MAX_VALUE));
        assertThat(counts(facets.path("brand"))).as("brand facet")
                .containsExactlyElementsOf(expectedFacet(matches, Listed::brand, TOP_BRANDS));
        List<String> bands = new ArrayList<>();
        facets.path("price").forEach(band -> bands.add(band.path("from").asLong() + ".."
                + (band.path("to").isNull() ? "" : band.path("to").asText()) + "=" + band.path("count").asLong()));
        List<String> expectedBands = new ArrayList<>();
        for (int i = 0; i < PRICE_BANDS.size(); i++) {
            long from = PRICE_BANDS.get(i);
            Long to = i + 1 < PRICE_BANDS.size() ? PRICE_BANDS.get(i + 1) : null;
            long count = matches.stream().filter(p -> p.price() >= from && (to == null || p.price() < to)).count();
            expectedBands.add(from + ".." + (to == null ? "" : to) + "=" + count);
        }
        assertThat(bands).as("price facet").containsExactlyElementsOf(expectedBands);
    }

    /** "value=count", most frequent first, ties by value, at most {@code top}. */
    private static List<String> expectedFacet(List<Listed> matches, Function<Listed, String> dimension, int top) {
        Map<String, Long> counts = matches.stream().collect(Collectors.groupingBy(dimension, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey()))
                .limit(top).map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> counts(JsonNode values) {
        List<String> counts = new ArrayList<>();
        values.forEach(value -> counts.add(value.path("value").asText() + "=" + value.path("count").asLong()));
        return counts;
    }

    private static List<String> expectedCategories() {
        return new TreeMap<>(catalog.values().stream()
                .collect(Collectors.groupingBy(Listed::category, Collectors.counting())))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> categoryCounts(JsonNode categories) {
        List<String> counts = new ArrayList<>();
        categories.path("items").forEach(c -> counts.add(c.path("category").asText() + "=" + c.path("count").asLong()));
        return counts;
    }

    private static void assertSummary(JsonNode item, Listed expected) {
        assertThat(expected).as("%s is an active product of the model", item).isNotNull();
        assertThat(item.path("productId").asText()).isEqualTo(expected.id());
        assertThat(item.path("name").asText()).isEqualTo(expected.name());
        assertThat(item.path("category").asText()).isEqualTo(expected.category());
        assertThat(item.path("brand").asText()).isEqualTo(expected.brand());
        assertThat(item.path("price").path("amount").asLong()).isEqualTo(expected.price());
        assertThat(item.path("price").path("currency").asText()).isEqualTo("USD");
        assertThat(item.path("inStock").asBoolean()).as("inStock of %s", item).isEqualTo(expected.inStock());
        assertThat(item.path("image").isNull() ? null : item.path("image").asText()).isEqualTo(expected.image());
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(Http.APPLICATION_JSON));
        return response.json();
    }

    private static JsonNode onlyItem(JsonNode body) {
        assertThat(body.path("items")).as("%s", body).hasSize(1);
        return body.path("items").get(0);
    }

    private static List<Listed> matching(Predicate<Listed> filter) {
        return catalog.values().stream().filter(filter).toList();
    }

    /** Products with this exact word in their name, description, category or brand. */
    private static Predicate<Listed> mentions(String word) {
        return product -> product.words().contains(word);
    }

    private static List<String> idsNamed(String name) {
        return idsOf(matching(p -> p.name().equals(name)));
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(item -> ids.add(item.path("productId").asText()));
        return ids;
    }

    private static List<String> idsOf(List<?> products) {
        return products.stream()
                .map(p -> p instanceof Listed listed ? listed.id() : ((JsonNode) p).path("productId").asText())
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    private static void assertInvalidCursor(Response response) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asText()).endsWith("/invalid-cursor");
        assertThat(errorFields(problem)).containsExactly("cursor");
    }

    private static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as("detail of %s", response).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(response.requestId());
        return problem;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static Arguments bad(String query, String... fields) {
        return Arguments.of(query, List.of(fields));
    }

    private static HttpRequest.Builder put(String path, Object body) {
        return http.request(path).header("Content-Type", "application/json").header("Authorization", admin)
                .PUT(HttpRequest.BodyPublishers.ofString(Http.text(body), StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder delete(String path) {
        return http.request(path).header("Authorization", admin).DELETE();
    }

    /** Ten random lower-case letters: a word no other product has, far from every other word. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("wq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
