package dev.storefront.dynamodb;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Carts in the carts table, one item per shopper ({@code userId}): the lines as a list, a {@code version}
 * that every save increments on condition that it is still the one read, and a TTL that removes a cart
 * {@value #ABANDONED_DAYS} days after its last change.
 */
public final class DynamoDbCartRepository implements CartRepository {

    static final long ABANDONED_DAYS = 60;

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(userId)")
            .build();

    private final DynamoDbTable<CartItem> table;

    public DynamoDbCartRepository(DynamoDbEnhancedClient client, String table) {
        this.table = client.table(table, CartItem.SCHEMA);
    }

    @Override
    public Optional<Cart> find(String userId) {
        CartItem item = table.getItem(GetItemEnhancedRequest.builder().key(key(userId)).consistentRead(true).build());
        return Optional.ofNullable(item).map(DynamoDbCartRepository::toCart);
    }

    @Override
    public void save(Cart cart) {
        CartItem item = new CartItem();
        item.setUserId(cart.userId());
        item.setLines(cart.lines().stream().map(line -> {
            CartItem.Line stored = new CartItem.Line();
            stored.setProductId(line.productId());
            stored.setQuantity(line.quantity());
            stored.setAddedAt(line.addedAt().toString());
            return stored;
        }).toList());
        item.setVersion(cart.version() + 1);
        Instant updated = cart.updatedAt() == null ? Instant.now() : cart.updatedAt();
        item.setUpdatedAt(updated.toString());
        item.setExpiresAt(updated.plus(Duration.ofDays(ABANDONED_DAYS)).getEpochSecond());
        try {
            table.putItem(PutItemEnhancedRequest.builder(CartItem.class).item(item)
                    .conditionExpression(cart.version() == 0 ? NOT_EXISTS : versionIs(cart.version())).build());
        } catch (ConditionalCheckFailedException e) {
            throw new CartChangedException();
        }
    }

    @Override
    public void delete(String userId) {
        table.deleteItem(key(userId));
    }

    static Key key(String userId) {
        return Key.builder().partitionValue(userId).build();
    }

    /** The condition of a write based on the cart at {@code read}. */
    static Expression versionIs(long read) {
        return Expression.builder().expression("version = :read")
                .expressionValues(Map.of(":read", AttributeValue.fromN(Long.toString(read)))).build();
    }

    private static Cart toCart(CartItem item) {
        List<Cart.CartLine> lines = item.getLines().stream().map(line -> new Cart.CartLine(line.getProductId(),
                line.getQuantity(), Instant.parse(line.getAddedAt()))).toList();
        return new Cart(item.getUserId(), lines, item.getVersion(), Instant.parse(item.getUpdatedAt()));
    }
}
