package dev.storefront.dynamodb;

import java.security.SecureRandom;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/** Running write transactions and reading the per-item cancellation reasons of a failed one. */
final class Transactions {

    /** Attempts of a transaction that lost a race with another one on the same item. */
    static final int MAX_ATTEMPTS = 8;

    /*
     * Not ThreadLocalRandom: its seeds derive from a static seeder that a SnapStart snapshot captures, so every
     * environment restored from one snapshot would draw the same pauses and the retries of two racing instances
     * would collide again. SecureRandom stays unique after a restore (Lambda's "Handling uniqueness" guide).
     */
    private static final SecureRandom JITTER = new SecureRandom();

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
     * reports that as {@code TransactionConflict}; moto, the local DynamoDB, never does.
     */
    static boolean conflicted(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    /**
     * Runs a transaction, again after a short random pause when it only lost a race with another transaction
     * (TransactionConflict, TransactionInProgress); a failed condition is thrown at once for the caller to read.
     */
    static void write(DynamoDbEnhancedClient client, TransactWriteItemsEnhancedRequest transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(transaction);
                return;
            } catch (TransactionCanceledException e) {
                boolean conflictOnly = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .allMatch(code -> code == null || "None".equals(code) || "TransactionConflict".equals(code));
                if (!conflictOnly || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (TransactionInProgressException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(JITTER.nextLong(5, 20L << Math.min(attempt, 4)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
    }
}
