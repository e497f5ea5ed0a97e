package dev.storefront.domain.error;

import java.util.List;

/** HTTP 409 — the request conflicts with the current state. */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super("conflict", message);
    }

    public ConflictException(String type, String message) {
        super(type, message);
    }

    public ConflictException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
