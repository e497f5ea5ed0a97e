package dev.storefront.domain.error;

import java.util.List;

/**
 * A failure the client can act on. The message is written for the client and never contains
 * internal details; the shared error mapper turns each kind into its HTTP problem.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final transient List<FieldError> errors;

    protected DomainException(String type, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    protected DomainException(String type, String message) {
        this(type, message, List.of());
    }

    /** A short, stable slug naming the problem, e.g. {@code email-taken}. */
    public String type() {
        return type;
    }

    /** Field-level details, empty when the problem is not about particular fields. */
    public List<FieldError> errors() {
        return errors;
    }
}
