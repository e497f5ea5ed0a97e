package dev.storefront.dynamodb;

import dev.storefront.domain.idempotency.IdempotencyRecord;
import dev.storefront.domain.idempotency.IdempotencyStore;
import dev.storefront.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in DynamoDB. A claim is a conditional put that succeeds only when no live
 * record holds the key: absent, past its 24 h retention (TTL deletion is lazy), or an unfinished
 * claim whose invocation has certainly ended.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final String CLAIMABLE = "attribute_not_exists(pk) OR expiresAt <= :nowSeconds"
            + " OR (attribute_not_exists(responseStatus) AND lockExpiresAt <= :nowMillis)";
    private static final String HELD_BY = "requestHash = :hash AND attribute_not_exists(responseStatus)";

    private final DynamoDbTable<IdempotencyItem> table;

    public DynamoDbIdempotencyStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, IdempotencyItem.SCHEMA);
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant now) {
        IdempotencyItem item = new IdempotencyItem();
        item.setPk(record.key());
        item.setRequestHash(record.requestHash());
        item.setLockExpiresAt(record.lockExpiresAt().toEpochMilli());
        item.setExpiresAt(record.expiresAt().getEpochSecond());
        Expression condition = Expression.builder().expression(CLAIMABLE)
                .expressionValues(Map.of(
                        ":nowSeconds", AttributeValue.fromN(Long.toString(now.getEpochSecond())),
                        ":nowMillis", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .build();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                table.putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class).item(item)
                        .conditionExpression(condition).build());
                return Optional.empty();
            } catch (ConditionalCheckFailedException e) {
                IdempotencyItem holder = table.getItem(GetItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(record.key()).build()).consistentRead(true).build());
                if (holder != null) {
                    return Optional.of(toRecord(holder));
                }
                // The holder vanished between the write and the read (released): try the claim again.
            }
        }
        throw new IllegalStateException("idempotency key is contended beyond reason");
    }

    @Override
    public void complete(String key, String requestHash, StoredResponse response, Instant expiresAt) {
        IdempotencyItem item = new IdempotencyItem();
        item.setPk(key);
        item.setResponseStatus(response.status());
        item.setResponseHeaders(response.headers());
        item.setResponseBody(response.body());
        item.setExpiresAt(expiresAt.getEpochSecond());
        table.updateItem(UpdateItemEnhancedRequest.builder(IdempotencyItem.class).item(item).ignoreNulls(true)
                .conditionExpression(heldBy(requestHash)).build());
    }

    @Override
    public void release(String key, String requestHash) {
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder().key(Key.builder().partitionValue(key).build())
                    .conditionExpression(heldBy(requestHash)).build());
        } catch (ConditionalCheckFailedException e) {
            // Another request holds the key now (our claim lapsed): leave its record alone.
        }
    }

    private static Expression heldBy(String requestHash) {
        return Expression.builder().expression(HELD_BY)
                .expressionValues(Map.of(":hash", AttributeValue.fromS(requestHash))).build();
    }

    private static IdempotencyRecord toRecord(IdempotencyItem item) {
        StoredResponse response = item.getResponseStatus() == null ? null
                : new StoredResponse(item.getResponseStatus(),
                        item.getResponseHeaders() == null ? Map.of() : item.getResponseHeaders(),
                        item.getResponseBody() == null ? "" : item.getResponseBody());
        return new IdempotencyRecord(item.getPk(), item.getRequestHash(), response,
                Instant.ofEpochMilli(item.getLockExpiresAt()), Instant.ofEpochSecond(item.getExpiresAt()));
    }
}
