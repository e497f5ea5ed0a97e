package dev.storefront.accounts;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code POST /auth/login}. */
record LoginRequest(String email, String password) implements Validatable {

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("email", email, "password", password);
    }
}
