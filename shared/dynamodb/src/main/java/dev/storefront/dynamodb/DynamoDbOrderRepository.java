package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.cart.CartRepository;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderRepository;
import dev.storefront.domain.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders in the orders table ({@code orderId}), with the stock of the products table and the carts table
 * changed in the same transactions.
 *
 * <ul>
 *   <li>GSI {@code ByUser} ({@code userId}, {@code orderId}): a shopper's orders, newest first (order ids sort
 *       by creation time).</li>
 *   <li>GSI {@code PendingByExpiry} ({@code pendingShard}, {@code expiresAtEpoch}), sparse: only unpaid orders
 *       carry {@code pendingShard} ({@value #SHARDS} shards, so writes spread), so the expiry sweep queries
 *       what is due instead of scanning.</li>
 * </ul>
 *
 * Stock changes bump the product's {@code version}, so an admin replace based on an older version fails its
 * own condition (412) instead of writing back a stale stock level, and the products stream carries the new
 * level to search.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

    static final int SHARDS = 4;
    static final String BY_USER = "ByUser";
    static final String PENDING_BY_EXPIRY = "PendingByExpiry";

    private final DynamoDbClient client;
    private final String orders;
    private final String products;
    private final String carts;

    public DynamoDbOrderRepository(DynamoDbClient client, String ordersTable, String productsTable, String cartsTable) {
        this.client = client;
        this.orders = ordersTable;
        this.products = productsTable;
        this.carts = cartsTable;
    }

    @Override
    public void place(Order order, long cartVersion) {
        List<TransactWriteItem> writes = new ArrayList<>();
        String now = order.createdAt().toString();
        for (OrderLine line : order.items()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                    .key(Map.of("pk", AttributeValue.fromS(ProductItem.PREFIX + line.productId())))
                    .updateExpression("SET available = available - :q, version = version + :one, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND #status = :active AND available >= :q")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":q", number(line.quantity()), ":one", number(1),
                            ":now", AttributeValue.fromS(now), ":active", AttributeValue.fromS("ACTIVE")))).build());
        }
        int orderIndex = writes.size();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(orders).item(toItem(order))
                .conditionExpression("attribute_not_exists(orderId)")).build());
        int cartIndex = writes.size();
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(carts)
                .key(DynamoDbCartRepository.key(order.userId()))
                .conditionExpression("version = :read")
                .expressionAttributeValues(Map.of(":read", number(cartVersion)))).build());
        try {
            Transactions.write(client, writes);
        } catch (TransactionCanceledException e) {
            List<String> short_ = new ArrayList<>();
            for (int i = 0; i < order.items().size(); i++) {
                if (Transactions.conditionFailed(e, i)) {
                    short_.add(order.items().get(i).productId());
                }
            }
            if (!short_.isEmpty()) {
                throw new OutOfStockException(short_);
            }
            if (Transactions.conditionFailed(e, cartIndex)) {
                throw new CartRepository.CartChangedException();
            }
            if (Transactions.conditionFailed(e, orderIndex)) {
                throw new IllegalStateException("order id " + order.orderId() + " is taken", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Order> find(String orderId) {
        if (!Keys.isStorable(orderId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(orders).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(item));
    }

    @Override
    public OrderPage listByUser(String userId, int limit, String after) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":user", AttributeValue.fromS(userId)));
        // One more than the page: a next cursor only when there really is a next order (never an empty page).
        QueryResponse response = client.query(b -> {
            b.tableName(orders).indexName(BY_USER).keyConditionExpression("userId = :user")
                    .expressionAttributeValues(values).scanIndexForward(false).limit(limit + 1);
            if (after != null) {
                b.exclusiveStartKey(Map.of("userId", AttributeValue.fromS(userId), "orderId", AttributeValue.fromS(after)));
            }
        });
        List<Order> found = response.items().stream().map(DynamoDbOrderRepository::toOrder).toList();
        if (found.size() <= limit) {
            return new OrderPage(found, null);
        }
        List<Order> page = found.subList(0, limit);
        return new OrderPage(List.copyOf(page), page.get(page.size() - 1).orderId());
    }

    @Override
    public Order transition(Order order, OrderStatus target, Instant now, boolean returnStock, Reservation reservation) {
        if (!order.status().canMoveTo(target)) {
            throw new IllegalArgumentException(order.status() + " cannot move to " + target);
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(order.status().name()),
                ":to", AttributeValue.fromS(target.name()), ":now", AttributeValue.fromS(now.toString())));
        String condition = "#status = :from";
        if (reservation == Reservation.EXPIRED) {
            condition += " AND expiresAtEpoch <= :nowEpoch";
            values.put(":nowEpoch", number(now.getEpochSecond()));
        } else if (reservation == Reservation.UNEXPIRED) {
            condition += " AND expiresAtEpoch > :nowEpoch";
            values.put(":nowEpoch", number(now.getEpochSecond()));
        }
        String remove = target == OrderStatus.PENDING_PAYMENT ? "" : " REMOVE pendingShard";
        String finalCondition = condition;
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(orders)
                .key(Map.of("orderId", AttributeValue.fromS(order.orderId())))
                .updateExpression("SET #status = :to, updatedAt = :now" + remove)
                .conditionExpression(finalCondition)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        if (returnStock) {
            for (OrderLine line : merged(order.items())) {
                writes.add(TransactWriteItem.builder().update(u -> u.tableName(products)
                        .key(Map.of("pk", AttributeValue.fromS(ProductItem.PREFIX + line.productId())))
                        .updateExpression("SET available = available + :q, version = version + :one, updatedAt = :now")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":q", number(line.quantity()), ":one", number(1),
                                ":now", AttributeValue.fromS(now.toString())))).build());
            }
        }
        try {
            Transactions.write(client, writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                throw new StatusChangedException();
            }
            throw e;
        }
        return order.withStatus(target, now);
    }

    @Override
    public List<String> findExpired(Instant now, int limit) {
        Set<String> due = new LinkedHashSet<>();
        for (int shard = 0; shard < SHARDS && due.size() < limit; shard++) {
            int s = shard;
            int remaining = limit - due.size();
            client.query(b -> b.tableName(orders).indexName(PENDING_BY_EXPIRY)
                    .keyConditionExpression("pendingShard = :shard AND expiresAtEpoch <= :now")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS("p" + s),
                            ":now", number(now.getEpochSecond())))
                    .limit(remaining)).items().forEach(item -> due.add(item.get("orderId").s()));
        }
        return List.copyOf(due);
    }

    /** One line per product (a transaction may not touch an item twice). */
    private static List<OrderLine> merged(List<OrderLine> lines) {
        Map<String, OrderLine> byProduct = new java.util.LinkedHashMap<>();
        for (OrderLine line : lines) {
            byProduct.merge(line.productId(), line, (a, b) -> new OrderLine(a.productId(), a.sku(), a.name(),
                    a.unitPrice(), a.quantity() + b.quantity(), a.lineTotal().plus(b.lineTotal())));
        }
        return List.copyOf(byProduct.values());
    }

    /** The order's {@code payment} attribute: what the order shows of its payment. */
    static AttributeValue paymentSummary(String paymentId, String status, long amount, long refunded) {
        return AttributeValue.fromM(Map.of("paymentId", AttributeValue.fromS(paymentId),
                "status", AttributeValue.fromS(status), "amount", number(amount), "refundedAmount", number(refunded)));
    }

    static Map<String, AttributeValue> toItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", AttributeValue.fromS(order.orderId()));
        item.put("userId", AttributeValue.fromS(order.userId()));
        item.put("status", AttributeValue.fromS(order.status().name()));
        List<AttributeValue> lines = new ArrayList<>();
        for (OrderLine line : order.items()) {
            lines.add(AttributeValue.fromM(Map.of(
                    "productId", AttributeValue.fromS(line.productId()),
                    "sku", AttributeValue.fromS(line.sku()),
                    "name", AttributeValue.fromS(line.name()),
                    "unitPrice", number(line.unitPrice().amount()),
                    "quantity", number(line.quantity()),
                    "lineTotal", number(line.lineTotal().amount()))));
        }
        item.put("items", AttributeValue.fromL(lines));
        item.put("currency", AttributeValue.fromS(order.total().currency()));
        item.put("subtotal", number(order.subtotal().amount()));
        item.put("shipping", number(order.shipping().amount()));
        item.put("tax", number(order.tax().amount()));
        item.put("total", number(order.total().amount()));
        ShippingAddress a = order.shippingAddress();
        Map<String, AttributeValue> address = new HashMap<>();
        address.put("name", AttributeValue.fromS(a.name()));
        address.put("line1", AttributeValue.fromS(a.line1()));
        if (a.line2() != null) {
            address.put("line2", AttributeValue.fromS(a.line2()));
        }
        address.put("city", AttributeValue.fromS(a.city()));
        if (a.region() != null) {
            address.put("region", AttributeValue.fromS(a.region()));
        }
        address.put("postalCode", AttributeValue.fromS(a.postalCode()));
        address.put("country", AttributeValue.fromS(a.country()));
        item.put("shippingAddress", AttributeValue.fromM(address));
        item.put("shippingMethod", AttributeValue.fromS(order.shippingMethod().wireName()));
        item.put("createdAt", AttributeValue.fromS(order.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(order.updatedAt().toString()));
        item.put("expiresAt", AttributeValue.fromS(order.expiresAt().toString()));
        item.put("expiresAtEpoch", number(order.expiresAt().getEpochSecond()));
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            item.put("pendingShard", AttributeValue.fromS("p" + Math.floorMod(order.orderId().hashCode(), SHARDS)));
        }
        return item;
    }

    static Order toOrder(Map<String, AttributeValue> item) {
        String currency = item.get("currency").s();
        List<OrderLine> lines = new ArrayList<>();
        for (AttributeValue value : item.get("items").l()) {
            Map<String, AttributeValue> m = value.m();
            lines.add(new OrderLine(m.get("productId").s(), m.get("sku").s(), m.get("name").s(),
                    money(m.get("unitPrice"), currency), Integer.parseInt(m.get("quantity").n()),
                    money(m.get("lineTotal"), currency)));
        }
        Map<String, AttributeValue> a = item.get("shippingAddress").m();
        ShippingAddress address = new ShippingAddress(a.get("name").s(), a.get("line1").s(),
                a.containsKey("line2") ? a.get("line2").s() : null, a.get("city").s(),
                a.containsKey("region") ? a.get("region").s() : null, a.get("postalCode").s(), a.get("country").s());
        Order.PaymentSummary payment = null;
        if (item.containsKey("payment")) {
            Map<String, AttributeValue> p = item.get("payment").m();
            payment = new Order.PaymentSummary(p.get("paymentId").s(), p.get("status").s(),
                    money(p.get("amount"), currency), money(p.get("refundedAmount"), currency));
        }
        Order.ShipmentSummary shipment = null;
        if (item.containsKey("shipment")) {
            Map<String, AttributeValue> s = item.get("shipment").m();
            shipment = new Order.ShipmentSummary(s.get("shipmentId").s(), s.get("carrier").s(),
                    s.get("trackingNumber").s(), s.get("status").s());
        }
        return new Order(item.get("orderId").s(), item.get("userId").s(), OrderStatus.valueOf(item.get("status").s()),
                lines, money(item.get("subtotal"), currency), money(item.get("shipping"), currency),
                money(item.get("tax"), currency), money(item.get("total"), currency), address,
                ShippingMethod.fromWireName(item.get("shippingMethod").s()).orElseThrow(),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                Instant.parse(item.get("expiresAt").s()), payment, shipment);
    }

    private static Money money(AttributeValue value, String currency) {
        return Money.of(Long.parseLong(value.n()), currency);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
