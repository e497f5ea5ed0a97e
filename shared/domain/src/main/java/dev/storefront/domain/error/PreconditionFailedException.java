package dev.storefront.domain.error;

import java.util.List;

/** HTTP 412 — a conditional request's precondition does not hold. */
public class PreconditionFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super("precondition-failed", message);
    }

    public PreconditionFailedException(String type, String message) {
        super(type, message);
    }

    public PreconditionFailedException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
