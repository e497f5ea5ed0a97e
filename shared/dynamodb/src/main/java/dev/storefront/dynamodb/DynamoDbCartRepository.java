package dev.storefront.dynamodb;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Carts in the carts table, one item per shopper ({@code userId}): the lines as a list, a {@code version}
 * that every save increments on condition that it is still the one read, and a TTL that removes a cart
 * {@value #ABANDONED_DAYS} days after its last change.
 */
public final class DynamoDbCartRepository implements CartRepository {

    static final long ABANDONED_DAYS = 60;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbCartRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Cart> find(String userId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(userId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCart(item));
    }

    @Override
    public void save(Cart cart) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(cart.userId()));
        List<AttributeValue> lines = new ArrayList<>();
        for (Cart.CartLine line : cart.lines()) {
            lines.add(AttributeValue.fromM(Map.of(
                    "productId", AttributeValue.fromS(line.productId()),
                    "quantity", AttributeValue.fromN(Integer.toString(line.quantity())),
                    "addedAt", AttributeValue.fromS(line.addedAt().toString()))));
        }
        item.put("lines", AttributeValue.fromL(lines));
        item.put("version", AttributeValue.fromN(Long.toString(cart.version() + 1)));
        Instant updated = cart.updatedAt() == null ? Instant.now() : cart.updatedAt();
        item.put("updatedAt", AttributeValue.fromS(updated.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                updated.plus(Duration.ofDays(ABANDONED_DAYS)).getEpochSecond())));
        try {
            if (cart.version() == 0) {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(userId)"));
            } else {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(cart.version())))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new CartChangedException();
        }
    }

    @Override
    public void delete(String userId) {
        client.deleteItem(b -> b.tableName(table).key(key(userId)));
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", AttributeValue.fromS(userId));
    }

    private static Cart toCart(Map<String, AttributeValue> item) {
        List<Cart.CartLine> lines = new ArrayList<>();
        for (AttributeValue line : item.get("lines").l()) {
            Map<String, AttributeValue> m = line.m();
            lines.add(new Cart.CartLine(m.get("productId").s(), Integer.parseInt(m.get("quantity").n()),
                    Instant.parse(m.get("addedAt").s())));
        }
        return new Cart(item.get("userId").s(), lines, Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("updatedAt").s()));
    }
}
