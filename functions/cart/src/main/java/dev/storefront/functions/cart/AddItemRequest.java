package dev.storefront.functions.cart;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code POST /cart/items}. */
record AddItemRequest(String productId, Integer quantity) implements Validatable {

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("productId", productId, "quantity", quantity);
    }
}
