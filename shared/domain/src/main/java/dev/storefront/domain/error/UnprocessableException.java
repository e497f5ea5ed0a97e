package dev.storefront.domain.error;

import java.util.List;

/** HTTP 422 — the request cannot be processed as sent. */
public class UnprocessableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnprocessableException(String message) {
        super("unprocessable", message);
    }

    public UnprocessableException(String type, String message) {
        super(type, message);
    }

    public UnprocessableException(String type, String message, List<FieldError> errors) {
        super(type, message, errors);
    }
}
