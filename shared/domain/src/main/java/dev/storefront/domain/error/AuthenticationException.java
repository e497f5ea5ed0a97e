package dev.storefront.domain.error;

import java.util.List;

/** HTTP 401 — the caller could not be authenticated. */
public class AuthenticationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super("unauthorized", message);
    }

    public AuthenticationException(String type, String message) {
        super(type, message);
    }

    public AuthenticationException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
