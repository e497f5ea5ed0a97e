package dev.storefront.search;

import dev.storefront.democatalog.DemoCatalog;
import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductDraft;
import dev.storefront.domain.catalog.ProductStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test data: hand-built products and the demo catalog. */
final class Products {

    static final byte[] KEY = "test-cursor-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Products() {
    }

    static Product product(String id, String name, String description, String category, String brand,
            long amount, int available, int minutesAfterT0) {
        Instant created = T0.plusSeconds(60L * minutesAfterT0);
        return new Product(id, "SKU-" + id, name, description, category, brand, Money.of(amount, "USD"),
                available, 100, List.of("https://img.example/" + id + ".jpg"), Map.of(), ProductStatus.ACTIVE,
                created, created, 1);
    }

    static Product archived(Product product) {
        return new Product(product.productId(), product.sku(), product.name(), product.description(),
                product.category(), product.brand(), product.price(), product.available(), product.weightGrams(),
                product.images(), product.attributes(), ProductStatus.ARCHIVED, product.createdAt(),
                product.updatedAt(), product.version() + 1);
    }

    /**
     * The demo catalog of {@code seed} as products; creation times repeat in runs of seven, so the
     * {@code newest} sort has ties to break as well as {@code price}.
     */
    static List<Product> demo(long seed, int count) {
        List<ProductDraft> drafts = new DemoCatalog().generate(seed, count);
        List<Product> products = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            products.add(Product.create(String.format(Locale.ROOT, "p%06d", i), drafts.get(i),
                    T0.plusSeconds(i / 7)));
        }
        return products;
    }
}
