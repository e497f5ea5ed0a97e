package dev.storefront.functions.payment;

import dev.storefront.domain.Money;
import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Body of {@code POST /payments/{paymentId}/refunds}: an amount (default: all that is left) and a reason. */
record RefundRequest(Amount amount, String reason) implements Validatable {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Money: integer minor units and the currency. */
    record Amount(Long amount, String currency) {
    }

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (amount != null) {
            errors.addAll(Validatable.requireAll("amount.amount", amount.amount(), "amount.currency", amount.currency()));
            if (amount.currency() != null && !CURRENCY.matcher(amount.currency()).matches()) {
                errors.add(new FieldError("amount.currency", "must be an ISO 4217 code in upper case, e.g. USD"));
            }
        }
        return errors;
    }

    Money money() {
        return amount == null ? null : Money.of(amount.amount(), amount.currency());
    }
}
