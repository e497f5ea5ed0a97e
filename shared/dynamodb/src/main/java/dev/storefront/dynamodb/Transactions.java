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
}
