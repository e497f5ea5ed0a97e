package dev.storefront.domain.auth;

/** An access token was refused. The message is generic and safe to return to a client. */
public final class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
