package dev.storefront.functions.accounts;

import dev.storefront.domain.account.AccountRules;
import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /auth/login}. */
record LoginRequest(String email, String password) implements Validatable {

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>(Validatable.requireAll("email", email, "password", password));
        // No account can have a longer one (signup's limit), and the users table refuses keys over 2 KB.
        if (email != null && email.strip().length() > AccountRules.EMAIL_MAX) {
            errors.add(new FieldError("email", "must be at most " + AccountRules.EMAIL_MAX + " characters"));
        }
        return errors;
    }
}
