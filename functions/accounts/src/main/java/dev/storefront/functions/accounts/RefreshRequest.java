package dev.storefront.functions.accounts;

import dev.storefront.domain.error.FieldError;
import dev.storefront.platform.http.Validatable;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /auth/refresh} and {@code POST /auth/logout}. */
record RefreshRequest(String refreshToken) implements Validatable {

    private static final int MAX_LENGTH = 512;

    @Override
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>(Validatable.requireAll("refreshToken", refreshToken));
        if (refreshToken != null && (refreshToken.isBlank() || refreshToken.length() > MAX_LENGTH)) {
            errors.add(new FieldError("refreshToken", "must be a refresh token issued by login"));
        }
        return errors;
    }
}
