package dev.storefront.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.ValidationException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchRequestTest {

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("limit", "0"),
                Arguments.of("limit", "101"),
                Arguments.of("limit", "-1"),
                Arguments.of("limit", "ten"),
                Arguments.of("limit", ""),
                Arguments.of("limit", "99999999999"),
                Arguments.of("minPrice", "abc"),
                Arguments.of("minPrice", "-5"),
                Arguments.of("minPrice", "19.99"),
                Arguments.of("maxPrice", "1e3"),
                Arguments.of("maxPrice", "-1"),
                Arguments.of("maxPrice", "99999999999999999999"),
                Arguments.of("inStock", "yes"),
                Arguments.of("inStock", "TRUE"),
                Arguments.of("sort", "cheapest"),
                Arguments.of("sort", ""),
                Arguments.of("q", "x".repeat(201)),
                Arguments.of("colour", "red"),
                Arguments.of("Limit", "10"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void parse_shouldReject_badParameter_namingIt(String name, String value) {
        assertThatThrownBy(() -> SearchRequest.parse(Map.of(name, value)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo("validation");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly(name);
                });
    }

    @Test
    void parse_shouldReject_minPriceAboveMaxPrice() {
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("minPrice", "500", "maxPrice", "499")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("minPrice"));
    }

    @Test
    void parse_shouldName_everyBadParameter() {
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("limit", "0", "sort", "x", "inStock", "1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("limit", "sort", "inStock"));
    }

    @Test
    void parse_shouldReject_malformedCursor_asInvalidCursor() {
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("cursor", "not a cursor!")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-cursor");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
                });
        assertThatThrownBy(() -> SearchRequest.parse(Map.of("cursor", "A".repeat(600))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.type()).isEqualTo("invalid-cursor"));
    }

    @Test
    void parse_shouldApplyDefaults() {
        SearchRequest request = SearchRequest.parse(Map.of());

        assertThat(request).isEqualTo(new SearchRequest(null, null, null, null, null, null, SearchSort.NEWEST, 20, null));
    }

    @Test
    void parse_shouldDefaultToRelevance_whenQueryGiven() {
        assertThat(SearchRequest.parse(Map.of("q", "lamp")).sort()).isEqualTo(SearchSort.RELEVANCE);
    }

    @Test
    void parse_shouldTreatRelevanceWithoutQuery_asNewest() {
        assertThat(SearchRequest.parse(Map.of("sort", "relevance")).sort()).isEqualTo(SearchSort.NEWEST);
        assertThat(SearchRequest.parse(Map.of("sort", "relevance", "q", "  ")).sort()).isEqualTo(SearchSort.NEWEST);
    }

    @Test
    void parse_shouldAcceptEveryValidParameter() {
        SearchRequest request = SearchRequest.parse(Map.of("q", " lamp ", "category", "Home", "brand", "Acme",
                "minPrice", "0", "maxPrice", "0", "inStock", "false", "sort", "price_desc", "limit", "100",
                "cursor", "abc_-9"));

        assertThat(request).isEqualTo(new SearchRequest("lamp", "Home", "Acme", 0L, 0L, false,
                SearchSort.PRICE_DESC, 100, "abc_-9"));
    }

    @Test
    void parse_shouldTreatEmptyTextFilters_asAbsent() {
        SearchRequest request = SearchRequest.parse(Map.of("q", "", "category", "", "brand", " ", "cursor", ""));

        assertThat(request).isEqualTo(SearchRequest.all());
    }

    @Test
    void parse_shouldAccept_queryOfExactlyMaxLength() {
        assertThat(SearchRequest.parse(Map.of("q", "x".repeat(200))).q()).hasSize(200);
    }

    @Test
    void constructor_shouldApplyTheSameRules() {
        assertThatThrownBy(() -> new SearchRequest(null, null, null, null, null, null, null, 0, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new SearchRequest(null, null, null, 10L, 5L, null, null, 20, null))
                .isInstanceOf(ValidationException.class);
    }
}
