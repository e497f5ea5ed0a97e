package dev.storefront.functions.accounts;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.List;

/** Body of {@code POST /auth/signup}. */
record SignupRequest(String email, String password, String name) implements Validatable {

    @Override
    public List<FieldError> validate() {
        return Validatable.requireAll("email", email, "password", password, "name", name);
    }
}
