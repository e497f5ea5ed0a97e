package dev.storefront.functions.deployhooks;

/** Whether a new function version may take traffic, and why. */
public record Verdict(boolean succeeded, String reason) {

    public static Verdict succeeded(String reason) {
        return new Verdict(true, reason);
    }

    public static Verdict failed(String reason) {
        return new Verdict(false, reason);
    }
}
