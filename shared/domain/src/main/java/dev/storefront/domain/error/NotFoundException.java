package dev.storefront.domain.error;

import java.util.List;

/** HTTP 404 — the resource does not exist or is not the caller's. */
public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super("not-found", message);
    }

    public NotFoundException(String type, String message) {
        super(type, message);
    }

    public NotFoundException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
