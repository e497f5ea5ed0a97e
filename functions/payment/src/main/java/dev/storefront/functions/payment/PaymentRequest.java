package dev.storefront.functions.payment;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /payments}. */
record PaymentRequest(String orderId, PaymentMethod paymentMethod) implements Validatable {

    /** The card, as a provider token. */
    record PaymentMethod(String token) {
    }

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>(Validatable.requireAll("orderId", orderId, "paymentMethod",
                paymentMethod));
        if (paymentMethod != null && paymentMethod.token() == null) {
            errors.add(new FieldError("paymentMethod.token", "is required"));
        }
        return errors;
    }
}
