package dev.storefront.local;

import java.util.List;

/**
 * A DynamoDB stream event source of a function.
 *
 * @param function              logical id of the function
 * @param eventName             the event's name in the template
 * @param table                 logical id of the table whose stream is read
 * @param startingPosition      {@code TRIM_HORIZON} or {@code LATEST}
 * @param batchSize             records per invocation at most
 * @param maximumRetryAttempts  retries of a failed batch; -1 = until the records expire (AWS default)
 * @param bisectOnError         split a failed batch in two and retry each half
 * @param filterPatterns        FilterCriteria patterns (JSON); a record is delivered when any matches
 */
public record StreamSource(String function, String eventName, String table, String startingPosition,
                           int batchSize, int maximumRetryAttempts, boolean bisectOnError, List<String> filterPatterns) {
}
