package dev.storefront.domain.account;

import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import java.util.List;

/** Signing up with an email that already has an account. */
public final class EmailTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super("email-taken", "An account with this email already exists.",
                List.of(new FieldError("email", "is already registered")));
    }
}
