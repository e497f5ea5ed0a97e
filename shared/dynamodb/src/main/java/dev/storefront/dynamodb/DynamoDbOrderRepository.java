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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
 * level to search. Both are arithmetic on the stored values, written through {@link ExpressionUpdate}.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

    static final int SHARDS = 4;

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(orderId)")
            .build();
    private static final Expression PRODUCT_EXISTS = Expression.builder().expression("attribute_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<OrderItem> orders;
    private final DynamoDbIndex<OrderItem> byUser;
    private final DynamoDbIndex<OrderItem> pendingByExpiry;
    private final DynamoDbTable<ProductItem> products;
    private final DynamoDbTable<CartItem> carts;

    public DynamoDbOrderRepository(DynamoDbEnhancedClient client, String ordersTable, String productsTable,
            String cartsTable) {
        this.client = client;
        this.orders = client.table(ordersTable, OrderItem.SCHEMA);
        this.byUser = orders.index(OrderItem.BY_USER);
        this.pendingByExpiry = orders.index(OrderItem.PENDING_BY_EXPIRY);
        this.products = client.table(productsTable, ProductItem.SCHEMA);
        this.carts = client.table(cartsTable, CartItem.SCHEMA);
    }

    @Override
    public void place(Order order, long cartVersion) {
        TransactWriteItemsEnhancedRequest.Builder writes = TransactWriteItemsEnhancedRequest.builder();
        for (OrderLine line : order.items()) {
            writes.addUpdateItem(stock(products, -line.quantity()), TransactUpdateItemEnhancedRequest
                    .builder(ProductItem.class).item(touched(line.productId(), order.createdAt())).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND #status = :active AND available >= :q")
                            .expressionNames(Map.of("#status", "status"))
                            .expressionValues(Map.of(":q", number(line.quantity()),
                                    ":active", AttributeValue.fromS("ACTIVE")))
                            .build())
                    .build());
        }
        int orderIndex = order.items().size();
        writes.addPutItem(orders, TransactPutItemEnhancedRequest.builder(OrderItem.class).item(toItem(order))
                .conditionExpression(NOT_EXISTS).build());
        int cartIndex = orderIndex + 1;
        writes.addDeleteItem(carts, TransactDeleteItemEnhancedRequest.builder()
                .key(DynamoDbCartRepository.key(order.userId()))
                .conditionExpression(DynamoDbCartRepository.versionIs(cartVersion)).build());
        try {
            Transactions.write(client, writes.build());
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
        return Optional.ofNullable(read(orders, orderId)).map(DynamoDbOrderRepository::toOrder);
    }

    @Override
    public OrderPage listByUser(String userId, int limit, String after) {
        // One more than the page: a next cursor only when there really is a next order (never an empty page).
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
                .scanIndexForward(false).limit(limit + 1);
        if (after != null) {
            query.exclusiveStartKey(Map.of("userId", AttributeValue.fromS(userId),
                    "orderId", AttributeValue.fromS(after)));
        }
        List<Order> found = byUser.query(query.build()).iterator().next().items().stream()
                .map(DynamoDbOrderRepository::toOrder).toList();
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
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":from", AttributeValue.fromS(order.status().name()));
        String condition = "#status = :from";
        if (reservation == Reservation.EXPIRED) {
            condition += " AND expiresAtEpoch <= :nowEpoch";
            values.put(":nowEpoch", number(now.getEpochSecond()));
        } else if (reservation == Reservation.UNEXPIRED) {
            condition += " AND expiresAtEpoch > :nowEpoch";
            values.put(":nowEpoch", number(now.getEpochSecond()));
        }
        OrderItem moved = new OrderItem();
        moved.setOrderId(order.orderId());
        moved.setStatus(target.name());
        moved.setUpdatedAt(now.toString());
        TransactWriteItemsEnhancedRequest.Builder writes = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(target == OrderStatus.PENDING_PAYMENT ? orders : leavingPending(orders),
                        TransactUpdateItemEnhancedRequest.builder(OrderItem.class).item(moved).ignoreNulls(true)
                                .conditionExpression(Expression.builder().expression(condition)
                                        .expressionNames(Map.of("#status", "status")).expressionValues(values).build())
                                .build());
        if (returnStock) {
            for (OrderLine line : merged(order.items())) {
                writes.addUpdateItem(stock(products, line.quantity()), TransactUpdateItemEnhancedRequest
                        .builder(ProductItem.class).item(touched(line.productId(), now)).ignoreNulls(true)
                        .conditionExpression(PRODUCT_EXISTS).build());
            }
        }
        try {
            Transactions.write(client, writes.build());
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
            Key dueBy = Key.builder().partitionValue("p" + shard).sortValue(now.getEpochSecond()).build();
            pendingByExpiry.query(QueryEnhancedRequest.builder()
                            .queryConditional(QueryConditional.sortLessThanOrEqualTo(dueBy))
                            .limit(limit - due.size()).build())
                    .iterator().next().items().forEach(item -> due.add(item.getOrderId()));
        }
        return List.copyOf(due);
    }

    /** One line per product (a transaction may not touch an item twice). */
    private static List<OrderLine> merged(List<OrderLine> lines) {
        Map<String, OrderLine> byProduct = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            byProduct.merge(line.productId(), line, (a, b) -> new OrderLine(a.productId(), a.sku(), a.name(),
                    a.unitPrice(), a.quantity() + b.quantity(), a.lineTotal().plus(b.lineTotal())));
        }
        return List.copyOf(byProduct.values());
    }

    /** The products table for a change of a product's stock by {@code delta}, which also bumps its version. */
    private static MappedTableResource<ProductItem> stock(DynamoDbTable<ProductItem> products, int delta) {
        return ExpressionUpdate.on(products, ExpressionUpdate.add("available", delta),
                ExpressionUpdate.add("version", 1));
    }

    /** The product's key with the instant of its change, what a stock change sets besides the arithmetic. */
    private static ProductItem touched(String productId, Instant now) {
        ProductItem item = new ProductItem();
        item.setPk(ProductItem.key(productId));
        item.setUpdatedAt(now.toString());
        return item;
    }

    /** The orders table for the update that moves an order out of {@code PENDING_PAYMENT}: off the expiry index. */
    static MappedTableResource<OrderItem> leavingPending(DynamoDbTable<OrderItem> orders) {
        return ExpressionUpdate.on(orders, ExpressionUpdate.remove("pendingShard"));
    }

    static OrderItem read(DynamoDbTable<OrderItem> orders, String orderId) {
        return orders.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(orderId).build())
                .consistentRead(true).build());
    }

    /** The order's {@code payment} attribute: what the order shows of its payment. */
    static OrderItem.PaymentSummary paymentSummary(String paymentId, String status, long amount, long refunded) {
        OrderItem.PaymentSummary summary = new OrderItem.PaymentSummary();
        summary.setPaymentId(paymentId);
        summary.setStatus(status);
        summary.setAmount(amount);
        summary.setRefundedAmount(refunded);
        return summary;
    }

    static OrderItem toItem(Order order) {
        OrderItem item = new OrderItem();
        item.setOrderId(order.orderId());
        item.setUserId(order.userId());
        item.setStatus(order.status().name());
        item.setItems(order.items().stream().map(line -> {
            OrderItem.Line stored = new OrderItem.Line();
            stored.setProductId(line.productId());
            stored.setSku(line.sku());
            stored.setName(line.name());
            stored.setUnitPrice(line.unitPrice().amount());
            stored.setQuantity(line.quantity());
            stored.setLineTotal(line.lineTotal().amount());
            return stored;
        }).toList());
        item.setCurrency(order.total().currency());
        item.setSubtotal(order.subtotal().amount());
        item.setShipping(order.shipping().amount());
        item.setTax(order.tax().amount());
        item.setTotal(order.total().amount());
        ShippingAddress a = order.shippingAddress();
        OrderItem.Address address = new OrderItem.Address();
        address.setName(a.name());
        address.setLine1(a.line1());
        address.setLine2(a.line2());
        address.setCity(a.city());
        address.setRegion(a.region());
        address.setPostalCode(a.postalCode());
        address.setCountry(a.country());
        item.setShippingAddress(address);
        item.setShippingMethod(order.shippingMethod().wireName());
        item.setCreatedAt(order.createdAt().toString());
        item.setUpdatedAt(order.updatedAt().toString());
        item.setExpiresAt(order.expiresAt().toString());
        item.setExpiresAtEpoch(order.expiresAt().getEpochSecond());
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            item.setPendingShard("p" + Math.floorMod(order.orderId().hashCode(), SHARDS));
        }
        return item;
    }

    static Order toOrder(OrderItem item) {
        String currency = item.getCurrency();
        List<OrderLine> lines = item.getItems().stream().map(line -> new OrderLine(line.getProductId(), line.getSku(),
                line.getName(), Money.of(line.getUnitPrice(), currency), line.getQuantity(),
                Money.of(line.getLineTotal(), currency))).toList();
        OrderItem.Address a = item.getShippingAddress();
        ShippingAddress address = new ShippingAddress(a.getName(), a.getLine1(), a.getLine2(), a.getCity(),
                a.getRegion(), a.getPostalCode(), a.getCountry());
        OrderItem.PaymentSummary p = item.getPayment();
        Order.PaymentSummary payment = p == null ? null : new Order.PaymentSummary(p.getPaymentId(), p.getStatus(),
                Money.of(p.getAmount(), currency), Money.of(p.getRefundedAmount(), currency));
        OrderItem.ShipmentSummary s = item.getShipment();
        Order.ShipmentSummary shipment = s == null ? null
                : new Order.ShipmentSummary(s.getShipmentId(), s.getCarrier(), s.getTrackingNumber(), s.getStatus());
        return new Order(item.getOrderId(), item.getUserId(), OrderStatus.valueOf(item.getStatus()), lines,
                Money.of(item.getSubtotal(), currency), Money.of(item.getShipping(), currency),
                Money.of(item.getTax(), currency), Money.of(item.getTotal(), currency), address,
                ShippingMethod.fromWireName(item.getShippingMethod()).orElseThrow(),
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()),
                Instant.parse(item.getExpiresAt()), payment, shipment);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
