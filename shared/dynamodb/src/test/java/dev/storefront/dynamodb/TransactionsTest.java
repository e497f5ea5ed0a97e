package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * The transaction paths the local DynamoDB (moto) never takes, with the answers DynamoDB gives: a transaction that
 * only lost a race (TransactionConflict, TransactionInProgress) runs again; a failed condition does not.
 */
class TransactionsTest {

    private static final TransactWriteItemsEnhancedRequest TRANSACTION = TransactWriteItemsEnhancedRequest.builder()
            .addPutItem(DynamoDbClientFactory.enhanced(new ScriptedClient()).table("Orders", SkuItem.SCHEMA),
                    item("ORDER#1"))
            .build();
    /** What the transaction asks of DynamoDB. */
    private static final List<TransactWriteItem> WRITES = TRANSACTION.transactWriteItems();

    @Test
    void write_shouldRunAgain_whenTheTransactionOnlyLostARace() {
        // given: two conflicts, one transaction in progress, then success
        ScriptedClient client = new ScriptedClient(canceled("TransactionConflict"), canceled("None", "TransactionConflict"),
                TransactionInProgressException.builder().message("in progress").build(), null);

        // when
        Transactions.write(DynamoDbClientFactory.enhanced(client), TRANSACTION);

        // then
        assertThat(client.calls.get()).isEqualTo(4);
    }

    @Test
    void write_shouldThrowAtOnce_whenAConditionFailed() {
        // given: a failed condition beside a conflict: the condition decides
        ScriptedClient client = new ScriptedClient(canceled("ConditionalCheckFailed", "TransactionConflict"));

        // when / then
        assertThatThrownBy(() -> Transactions.write(DynamoDbClientFactory.enhanced(client), TRANSACTION))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(Transactions.conditionFailed(e, 0)).isTrue();
                    assertThat(Transactions.conditionFailed(e, 1)).isFalse();
                    assertThat(Transactions.conflicted(e)).isTrue();
                });
        assertThat(client.calls.get()).isEqualTo(1);
    }

    @Test
    void write_shouldGiveUp_afterTheLastAttempt_whenConflictsGoOn() {
        // given
        TransactionCanceledException[] conflicts = new TransactionCanceledException[Transactions.MAX_ATTEMPTS + 1];
        java.util.Arrays.fill(conflicts, canceled("TransactionConflict"));
        ScriptedClient client = new ScriptedClient((Object[]) conflicts);

        // when / then
        assertThatThrownBy(() -> Transactions.write(DynamoDbClientFactory.enhanced(client), TRANSACTION))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(client.calls.get()).isEqualTo(Transactions.MAX_ATTEMPTS);
    }

    @Test
    void conditionFailed_shouldBeFalse_withoutReasons() {
        TransactionCanceledException bare = TransactionCanceledException.builder().message("cancelled").build();

        assertThat(Transactions.conditionFailed(bare, 0)).isFalse();
        assertThat(Transactions.conflicted(bare)).isFalse();
    }

    private static SkuItem item(String pk) {
        SkuItem item = new SkuItem();
        item.setPk(pk);
        return item;
    }

    private static TransactionCanceledException canceled(String... codes) {
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(java.util.Arrays.stream(codes)
                        .map(code -> CancellationReason.builder().code(code).build()).toList())
                .build();
    }

    /** Answers each call with the next scripted outcome: an exception is thrown, null succeeds. */
    private static final class ScriptedClient implements DynamoDbClient {
        private final Deque<Object> outcomes = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        ScriptedClient(Object... outcomes) {
            for (Object outcome : outcomes) {
                this.outcomes.add(outcome == null ? "ok" : outcome);
            }
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            calls.incrementAndGet();
            assertThat(request.transactItems()).isEqualTo(WRITES);
            Object outcome = outcomes.poll();
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
