package dev.storefront.local;

/** A function invocation that failed: the handler threw, timed out, or could not be loaded. */
public final class FunctionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public FunctionException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** True when the function ran past its Timeout. */
    public boolean isTimeout() {
        return timeout;
    }
}
