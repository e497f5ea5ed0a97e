package dev.storefront.domain.error;

import java.util.List;

/** HTTP 400 — the request is well-formed but its values break a rule. */
public class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super("validation", message);
    }

    public ValidationException(String type, String message) {
        super(type, message);
    }

    public ValidationException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
