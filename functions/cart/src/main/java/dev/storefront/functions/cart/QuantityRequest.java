package dev.storefront.functions.cart;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code PUT /cart/items/{productId}}. */
record QuantityRequest(Integer quantity) implements Validatable {

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("quantity", quantity);
    }
}
