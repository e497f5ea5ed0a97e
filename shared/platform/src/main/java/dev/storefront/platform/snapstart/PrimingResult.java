package dev.storefront.platform.snapstart;

/**
 * What one priming step did.
 *
 * @param step      what ran, e.g. {@code GET /products/{productId}}; never a key or a caller
 * @param outcome   the HTTP status answered, {@code ok}, or the class of the exception thrown
 * @param expected  whether that is what the step expects
 * @param millis    how long it took
 */
public record PrimingResult(String step, String outcome, boolean expected, long millis) {

    @Override
    public String toString() {
        return step + " -> " + outcome + (expected ? "" : " (UNEXPECTED)") + " " + millis + " ms";
    }
}
