package dev.storefront.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading the per-item cancellation reasons of a failed transaction. */
final class Transactions {

    private Transactions() {
    }

    /** Whether the action at {@code index} of the transaction failed its condition. */
    static boolean conditionFailed(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        CancellationReason reason = e.cancellationReasons().get(index);
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /**
     * Whether the transaction lost a race with another transaction on one of its items. DynamoDB
     * reports that as {@code TransactionConflict}; DynamoDB Local never does.
     */
    static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }
}
