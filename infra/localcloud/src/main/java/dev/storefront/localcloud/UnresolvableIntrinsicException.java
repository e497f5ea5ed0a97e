package dev.storefront.localcloud;

/** An intrinsic function or reference that cannot be resolved locally; the message names where it was used. */
public final class UnresolvableIntrinsicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnresolvableIntrinsicException(String message) {
        super(message);
    }
}
