package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** What an {@link ExpressionUpdate} asks of DynamoDB: its actions beside the item's values, under the condition. */
class ExpressionUpdateTest {

    private final DynamoDbTable<ProductItem> products = DynamoDbClientFactory.enhanced(new NoCalls())
            .table("Products", ProductItem.SCHEMA);

    @Test
    void addUpdateItem_shouldCarryTheActions_besideTheItemsValues_andKeepTheCondition() {
        // given: a product's key and change instant, less two units, one attribute removed
        ProductItem touched = new ProductItem();
        touched.setPk(ProductItem.key("lamp"));
        touched.setUpdatedAt("2026-11-22T10:00:00Z");
        Expression enough = Expression.builder().expression("available >= :q")
                .expressionValues(Map.of(":q", AttributeValue.fromN("2"))).build();

        // when
        Update update = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(ExpressionUpdate.on(products, ExpressionUpdate.add("available", -2),
                                ExpressionUpdate.remove("pendingShard")),
                        TransactUpdateItemEnhancedRequest.builder(ProductItem.class).item(touched).ignoreNulls(true)
                                .conditionExpression(enough).build())
                .build().transactWriteItems().get(0).update();

        // then
        assertThat(update.tableName()).isEqualTo("Products");
        assertThat(update.key()).isEqualTo(Map.of("pk", AttributeValue.fromS("PRODUCT#lamp")));
        assertThat(update.updateExpression()).startsWith("SET available = available + :availableDelta, ")
                .endsWith(" REMOVE pendingShard");
        assertThat(update.expressionAttributeValues()).containsEntry(":availableDelta", AttributeValue.fromN("-2"))
                .containsEntry(":q", AttributeValue.fromN("2"))
                .containsValue(AttributeValue.fromS("2026-11-22T10:00:00Z"));
        assertThat(update.expressionAttributeNames()).containsValue("updatedAt").doesNotContainValue("sku");
        assertThat(update.conditionExpression()).isEqualTo("available >= :q");
    }

    /** The client of a table that is only described, never called. */
    private static final class NoCalls implements DynamoDbClient {
        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
