package dev.storefront.functions.catalog;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.ProductDraft;
import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Body of {@code POST /admin/products} and {@code PUT /admin/products/{productId}}. Only the shape is
 * checked here (presence, types, no null entries); the catalog rules live in
 * {@link dev.storefront.domain.catalog.ProductRules}.
 */
record ProductRequest(String sku, String name, String description, String category, String brand, Price price,
        Stock stock, Integer weightGrams, List<String> images, Map<String, String> attributes) implements Validatable {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** {@code {amount, currency}}: integer minor units and an ISO 4217 code. */
    record Price(Long amount, String currency) {
    }

    /** {@code {available}}. */
    record Stock(Integer available) {
    }

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>(Validatable.requireAll("sku", sku, "name", name,
                "description", description, "category", category, "brand", brand, "price", price, "stock", stock,
                "weightGrams", weightGrams));
        if (price != null) {
            errors.addAll(Validatable.requireAll("price.amount", price.amount(), "price.currency", price.currency()));
            if (price.currency() != null && !CURRENCY.matcher(price.currency()).matches()) {
                errors.add(new FieldError("price.currency", "must be an ISO 4217 currency code"));
            }
        }
        if (stock != null) {
            errors.addAll(Validatable.requireAll("stock.available", stock.available()));
        }
        if (images != null && images.contains(null)) {
            errors.add(new FieldError("images", "must not contain null"));
        }
        if (attributes != null && attributes.containsValue(null)) {
            errors.add(new FieldError("attributes", "values must be strings"));
        }
        return errors;
    }

    ProductDraft toDraft() {
        return new ProductDraft(sku, name, description, category, brand, Money.of(price.amount(), price.currency()),
                stock.available(), weightGrams, images, attributes);
    }
}
