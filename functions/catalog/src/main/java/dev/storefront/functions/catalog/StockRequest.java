package dev.storefront.functions.catalog;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code PUT /admin/products/{productId}/stock}. */
record StockRequest(Integer available) implements Validatable {

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("available", available);
    }
}
