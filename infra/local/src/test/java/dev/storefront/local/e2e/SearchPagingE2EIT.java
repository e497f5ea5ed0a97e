package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.FixtureCatalog.assertInvalidCursor;
import static dev.storefront.local.e2e.FixtureCatalog.idsOf;
import static dev.storefront.local.e2e.FixtureCatalog.mentions;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.ok;
import static dev.storefront.local.e2e.Shop.productIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.FixtureCatalog.Listed;
import dev.storefront.local.e2e.Http.Response;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search results in order and in pages end to end on the {@link FixtureCatalog}: every sort across every page,
 * paging that returns each match exactly once, cursors refused when tampered with or taken to another query, and
 * every bad parameter named (with the boundary values that are fine).
 */
class SearchPagingE2EIT extends FixtureCatalogE2E {

    @ParameterizedTest(name = "GET /products?{0}")
    @MethodSource("sorts")
    void sort_shouldOrderEveryPage_acrossTheWholeResultSet(String query, Predicate<Listed> filter,
            Comparator<Listed> order) {
        // when
        List<JsonNode> items = catalog.everyPage(query, 7);

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
        List<JsonNode> items = catalog.everyPage("q=sturdy", 7);

        // then
        assertThat(idsOf(items)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void paging_shouldAllowAnotherLimit_withTheSameCursor() {
        // given
        List<String> expected = idsOf(catalog.everyPage("sort=price_asc", 100));
        JsonNode first = ok(search("sort", "price_asc", "limit", "7"));

        // when
        JsonNode second = ok(search("sort", "price_asc", "limit", "5", "cursor", first.path("nextCursor").asText()));

        // then
        assertThat(productIds(second)).containsExactlyElementsOf(expected.subList(7, 12));
        assertThat(second.path("total").asLong()).isEqualTo(first.path("total").asLong());
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

    @ParameterizedTest(name = "GET /products?{0}")
    @MethodSource("badParameters")
    void search_shouldAnswer400NamingTheParameter_whenItIsBad(String query, List<String> fields) {
        // when
        Response response = catalog.stack().http().get("/products?" + query);

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
        assertThat(productIds(ok(search("q", tenWords)))).containsExactly(exactName.id());
        String manyWords = "sturdy everyday item ".repeat(9).strip();
        assertThat(ok(search("q", manyWords)).path("total").asLong()).isEqualTo(matching(mentions("sturdy")).size());
    }

    private static Arguments bad(String query, String... fields) {
        return Arguments.of(query, List.of(fields));
    }
}
