package dev.storefront.functions.deployhooks;

/** Invokes one published function version synchronously. */
public interface FunctionInvoker {

    /**
     * @param version the function's name qualified with the version, e.g. {@code storefront-cart:7} (never the
     *     alias: it still serves the old version)
     * @param payload    the event, as JSON
     */
    Invocation invoke(String version, String payload);
}
