package dev.storefront.domain.error;

import java.util.List;

/** HTTP 403 — the caller is authenticated but lacks a role. */
public class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super("forbidden", message);
    }

    public ForbiddenException(String type, String message) {
        super(type, message);
    }

    public ForbiddenException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
