package dev.storefront.local;

/**
 * A {@code Schedule}/{@code ScheduleV2} event source of a function.
 *
 * @param function   logical id of the function
 * @param eventName  the event's name in the template
 * @param expression {@code rate(...)} or {@code cron(...)}
 * @param input      the configured Input JSON, or null for the standard scheduled event
 * @param enabled    false when the template disables it
 */
public record ScheduleSource(String function, String eventName, String expression, String input, boolean enabled) {
}
