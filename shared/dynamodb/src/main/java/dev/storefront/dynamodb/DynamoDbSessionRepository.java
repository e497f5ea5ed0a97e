package dev.storefront.dynamodb;

import dev.storefront.domain.account.RefreshToken;
import dev.storefront.domain.account.SessionRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Refresh tokens and their families in the sessions table. Rotation is one transaction: the current
 * token is marked used on condition that it was unused and unexpired, the family is touched on
 * condition that it is not revoked, and the next token is put; so two concurrent refreshes with one
 * token can never both succeed.
 */
public final class DynamoDbSessionRepository implements SessionRepository {

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<SessionItem> table;

    public DynamoDbSessionRepository(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.table = client.table(tableName, SessionItem.SCHEMA);
    }

    @Override
    public void startFamily(String familyId, String userId, RefreshToken first, Instant familyExpiresAt) {
        SessionItem family = new SessionItem();
        family.setPk(SessionItem.familyKey(familyId));
        family.setFamilyId(familyId);
        family.setUserId(userId);
        family.setRevoked(false);
        family.setExpiresAt(familyExpiresAt.getEpochSecond());
        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table, TransactPutItemEnhancedRequest.builder(SessionItem.class)
                        .item(family).conditionExpression(NOT_EXISTS).build())
                .addPutItem(table, TransactPutItemEnhancedRequest.builder(SessionItem.class)
                        .item(toItem(first)).conditionExpression(NOT_EXISTS).build())
                .build());
    }

    @Override
    public Optional<RefreshToken> findToken(String tokenHash) {
        SessionItem item = read(SessionItem.tokenKey(tokenHash));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(tokenHash, item.getFamilyId(), item.getUserId(),
                Instant.ofEpochSecond(item.getExpiresAt()),
                item.getUsedAt() == null ? null : Instant.ofEpochSecond(item.getUsedAt())));
    }

    @Override
    public boolean isFamilyRevoked(String familyId) {
        SessionItem family = read(SessionItem.familyKey(familyId));
        return family == null || Boolean.TRUE.equals(family.getRevoked());
    }

    @Override
    public RotationOutcome rotate(RefreshToken current, RefreshToken next, Instant now) {
        SessionItem used = new SessionItem();
        used.setPk(SessionItem.tokenKey(current.tokenHash()));
        used.setUsedAt(now.getEpochSecond());
        SessionItem family = new SessionItem();
        family.setPk(SessionItem.familyKey(current.familyId()));
        family.setExpiresAt(next.expiresAt().getEpochSecond());
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(SessionItem.class)
                            .item(used).ignoreNulls(true)
                            .conditionExpression(Expression.builder()
                                    .expression("attribute_exists(pk) AND attribute_not_exists(usedAt)"
                                            + " AND expiresAt > :now")
                                    .expressionValues(Map.of(":now", number(now.getEpochSecond())))
                                    .build())
                            .build())
                    .addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(SessionItem.class)
                            .item(family).ignoreNulls(true)
                            .conditionExpression(Expression.builder()
                                    .expression("attribute_exists(pk) AND revoked = :false")
                                    .expressionValues(Map.of(":false", AttributeValue.fromBool(false)))
                                    .build())
                            .build())
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(SessionItem.class)
                            .item(toItem(next)).conditionExpression(NOT_EXISTS).build())
                    .build());
            return RotationOutcome.ROTATED;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conflicted(e)) {
                // A conflict means another refresh of the same token is committing: a reuse.
                return RotationOutcome.ALREADY_USED;
            }
            if (Transactions.conditionFailed(e, 1)) {
                return RotationOutcome.FAMILY_REVOKED;
            }
            throw e;
        }
    }

    @Override
    public void revokeFamily(String familyId) {
        SessionItem family = new SessionItem();
        family.setPk(SessionItem.familyKey(familyId));
        family.setRevoked(true);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(SessionItem.class).item(family).ignoreNulls(true)
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build())
                    .build());
        } catch (ConditionalCheckFailedException e) {
            // The family expired and was deleted: nothing left to revoke.
        }
    }

    private SessionItem read(String pk) {
        return table.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(pk).build())
                .consistentRead(true).build());
    }

    private static SessionItem toItem(RefreshToken token) {
        SessionItem item = new SessionItem();
        item.setPk(SessionItem.tokenKey(token.tokenHash()));
        item.setFamilyId(token.familyId());
        item.setUserId(token.userId());
        item.setExpiresAt(token.expiresAt().getEpochSecond());
        return item;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
