package dev.storefront.domain.catalog;

import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import java.util.List;

/** Creating or renaming a product to a SKU another product holds. */
public final class SkuTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public SkuTakenException() {
        super("sku-taken", "Another product already uses this SKU.", List.of(new FieldError("sku", "is already used")));
    }
}
