package dev.storefront.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductRulesTest {

    @Test
    void checkDraft_shouldAcceptAPlainProduct() {
        assertThat(ProductRules.checkDraft(draft("LAMP-01.a_b", "desc", List.of(), Map.of()), "USD")).isEmpty();
    }

    @Test
    void checkDraft_shouldRejectSkusOutsideTheAlphabetOrTooLong() {
        for (String sku : List.of("", "with space", "ümlaut", "a/b", "a".repeat(65))) {
            assertThat(fields(draft(sku, "", List.of(), Map.of()))).as("sku %s", sku).containsExactly("sku");
        }
    }

    @Test
    void checkDraft_shouldRejectADescriptionOver5000Characters_butAcceptAnEmptyOne() {
        assertThat(fields(draft("S", "d".repeat(5001), List.of(), Map.of()))).containsExactly("description");
        assertThat(fields(draft("S", "", List.of(), Map.of()))).isEmpty();
    }

    @Test
    void checkDraft_shouldLimitAttributes_inCountKeyAndValueLength() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }

        assertThat(fields(draft("S", "", List.of(), many))).containsExactly("attributes");
        assertThat(fields(draft("S", "", List.of(), Map.of("k".repeat(51), "v")))).containsExactly("attributes");
        assertThat(fields(draft("S", "", List.of(), Map.of(" ", "v")))).containsExactly("attributes");
        assertThat(fields(draft("S", "", List.of(), Map.of("k".repeat(50), "v".repeat(500))))).isEmpty();
    }

    @Test
    void checkDraft_shouldRejectImageUrlsThatAreNotHttpsOrTooLong() {
        List<String> images = List.of("https://ok.example/a.jpg", "ftp://x.example/a", "not a url",
                "https://x.example/" + "p".repeat(2048));

        assertThat(fields(draft("S", "", images, Map.of()))).containsExactly("images[1]", "images[2]", "images[3]");
    }

    @Test
    void isProductId_shouldAcceptOnlyShortUrlSafeIds() {
        assertThat(ProductRules.isProductId("01JD2Z8Q4W6M3T5V7X9Y1B3C5D")).isTrue();
        assertThat(ProductRules.isProductId("a/b")).isFalse();
        assertThat(ProductRules.isProductId("x".repeat(65))).isFalse();
        assertThat(ProductRules.isProductId(null)).isFalse();
    }

    private static List<String> fields(ProductDraft draft) {
        return ProductRules.checkDraft(draft, "USD").stream().map(FieldError::field).toList();
    }

    private static ProductDraft draft(String sku, String description, List<String> images,
            Map<String, String> attributes) {
        return new ProductDraft(sku, "Lamp", description, "Lighting", "Lumen", Money.of(1999, "USD"), 1, 100,
                images, attributes);
    }
}
