package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.WriteModification;
import software.amazon.awssdk.enhanced.dynamodb.update.RemoveAction;
import software.amazon.awssdk.enhanced.dynamodb.update.SetAction;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateAction;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one kind of write the Enhanced Client's requests cannot say: an update that changes a stored value it has not
 * read. An item-based update only sets attributes to the values of the item (and, without {@code ignoreNulls}, removes
 * every attribute the item leaves null). Two writes of this project need more:
 *
 * <ul>
 *   <li>arithmetic on a stored number: a product's {@code available} and {@code version} when an order takes or
 *       gives back stock, and a payment slot's {@code version} when a payment attempt ends. Reading first and writing
 *       the result under a version condition would make concurrent checkouts of one product fail each other instead
 *       of each taking a unit while there are units;</li>
 *   <li>removing one attribute while setting others: {@code pendingShard} when an order leaves
 *       {@code PENDING_PAYMENT}, so it drops out of the sparse {@code PendingByExpiry} index.</li>
 * </ul>
 *
 * It is a table handle to pass to {@code TransactWriteItemsEnhancedRequest.Builder.addUpdateItem}: the Enhanced
 * Client still builds the update from the item (its key and the values it sets) and the condition
 * {@code Expression}; the handle, as its extension, adds these actions to it, through the hook the SDK's own
 * {@code AtomicCounterExtension} uses. So these writes take part in transactions like any other; the one that
 * stands alone (releasing a payment slot) runs as a transaction of one action. For update actions only.
 */
final class ExpressionUpdate<T> implements MappedTableResource<T>, DynamoDbEnhancedClientExtension {

    private final MappedTableResource<T> table;
    private final UpdateExpression actions;

    private ExpressionUpdate(MappedTableResource<T> table, UpdateExpression actions) {
        this.table = table;
        this.actions = actions;
    }

    /** {@code table} for an update that also carries {@code actions}. */
    static <T> ExpressionUpdate<T> on(MappedTableResource<T> table, UpdateAction... actions) {
        return new ExpressionUpdate<>(table, UpdateExpression.builder().actions(actions).build());
    }

    /** {@code SET attribute = attribute + :attributeDelta}; a negative {@code delta} subtracts. */
    static SetAction add(String attribute, long delta) {
        String value = ":" + attribute + "Delta";
        return SetAction.builder().path(attribute).value(attribute + " + " + value)
                .putExpressionValue(value, AttributeValue.fromN(Long.toString(delta))).build();
    }

    /** {@code REMOVE attribute}. */
    static RemoveAction remove(String attribute) {
        return RemoveAction.builder().path(attribute).build();
    }

    @Override
    public DynamoDbEnhancedClientExtension mapperExtension() {
        return this;
    }

    /** The table's own extensions (the client's) still run first; their update actions, if any, are kept. */
    @Override
    public WriteModification beforeWrite(DynamoDbExtensionContext.BeforeWrite context) {
        WriteModification own = table.mapperExtension() == null ? WriteModification.builder().build()
                : table.mapperExtension().beforeWrite(context);
        return WriteModification.builder().transformedItem(own.transformedItem())
                .additionalConditionalExpression(own.additionalConditionalExpression())
                .updateExpression(own.updateExpression() == null ? actions
                        : UpdateExpression.mergeExpressions(own.updateExpression(), actions))
                .build();
    }

    @Override
    public TableSchema<T> tableSchema() {
        return table.tableSchema();
    }

    @Override
    public String tableName() {
        return table.tableName();
    }

    @Override
    public Key keyFrom(T item) {
        return table.keyFrom(item);
    }
}
