package dev.storefront.functions.deployhooks;

/**
 * What Lambda answered to one synchronous invocation.
 *
 * @param statusCode    Lambda's HTTP status for the Invoke call (200 when the function ran)
 * @param functionError {@code Unhandled} or {@code Handled} when the function failed, else null
 * @param payload       the function's result (or its error document), as text
 */
public record Invocation(int statusCode, String functionError, String payload) {
}
