package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.payment.Payment;
import dev.storefront.domain.payment.PaymentRepository;
import dev.storefront.domain.payment.PaymentStatus;
import dev.storefront.domain.payment.Refund;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payments in the payments table ({@code pk}): {@code PAYMENT#<paymentId>} items, one {@code SLOT#<orderId>}
 * item per order that is being or has been paid, and {@code REFUND#<refundId>} items. The capture is recorded together with
 * the order's move to {@code PAID} in one transaction over the payments and orders tables.
 */
public final class DynamoDbPaymentRepository implements PaymentRepository {

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<PaymentItem> payments;
    private final DynamoDbTable<PaymentSlotItem> slots;
    private final DynamoDbTable<RefundItem> refunds;
    private final DynamoDbTable<PaymentEventItem> events;
    private final DynamoDbTable<OrderItem> orders;
    /** The slots for an update that also bumps the slot's version (arithmetic: {@link ExpressionUpdate}). */
    private final MappedTableResource<PaymentSlotItem> slotsNextVersion;

    public DynamoDbPaymentRepository(DynamoDbEnhancedClient client, String paymentsTable, String ordersTable) {
        this.client = client;
        this.payments = client.table(paymentsTable, PaymentItem.SCHEMA);
        this.slots = client.table(paymentsTable, PaymentSlotItem.SCHEMA);
        this.refunds = client.table(paymentsTable, RefundItem.SCHEMA);
        this.events = client.table(paymentsTable, PaymentEventItem.SCHEMA);
        this.orders = client.table(ordersTable, OrderItem.SCHEMA);
        this.slotsNextVersion = ExpressionUpdate.on(slots, ExpressionUpdate.add("version", 1));
    }

    @Override
    public Optional<PaymentSlot> slot(String orderId) {
        if (!Keys.isStorable(orderId)) {
            return Optional.empty();
        }
        PaymentSlotItem item = read(slots, PaymentSlotItem.key(orderId));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentSlot(orderId, item.getPaymentId(), SlotState.valueOf(item.getState()),
                Instant.ofEpochMilli(item.getLeaseUntil()), item.getVersion()));
    }

    @Override
    public void claim(String orderId, String paymentId, Instant leaseUntil, PaymentSlot expected) {
        PaymentSlotItem item = new PaymentSlotItem();
        item.setPk(PaymentSlotItem.key(orderId));
        item.setPaymentId(paymentId);
        item.setState(SlotState.PAYING.name());
        item.setLeaseUntil(leaseUntil.toEpochMilli());
        item.setVersion(expected == null ? 1 : expected.version() + 1);
        Expression condition = expected == null ? NOT_EXISTS : Expression.builder().expression("version = :read")
                .expressionValues(Map.of(":read", DynamoDbOrderRepository.number(expected.version()))).build();
        try {
            slots.putItem(PutItemEnhancedRequest.builder(PaymentSlotItem.class).item(item)
                    .conditionExpression(condition).build());
        } catch (ConditionalCheckFailedException e) {
            throw new SlotTakenException();
        }
    }

    @Override
    public void release(String orderId, String paymentId) {
        try {
            // A transaction of one action: the version bump is an ExpressionUpdate, which runs in transactions.
            Transactions.write(client, TransactWriteItemsEnhancedRequest.builder()
                    .addUpdateItem(slotsNextVersion, slotMove(orderId, SlotState.DECLINED, payingBy(paymentId)))
                    .build());
        } catch (TransactionCanceledException e) {
            if (!Transactions.conditionFailed(e, 0)) {
                throw e;
            }
            // Another attempt took over the slot after our lease lapsed: it decides.
        }
    }

    @Override
    public void recordCapture(Payment payment, Order order, Instant now) {
        OrderItem paid = new OrderItem();
        paid.setOrderId(order.orderId());
        paid.setStatus(OrderStatus.PAID.name());
        paid.setUpdatedAt(now.toString());
        paid.setPayment(summary(payment));
        TransactWriteItemsEnhancedRequest writes = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(payments, TransactPutItemEnhancedRequest.builder(PaymentItem.class).item(toItem(payment))
                        .conditionExpression(NOT_EXISTS).build())
                .addUpdateItem(slotsNextVersion,
                        slotMove(payment.orderId(), SlotState.PAID, payingBy(payment.paymentId())))
                .addUpdateItem(DynamoDbOrderRepository.leavingPending(orders),
                        TransactUpdateItemEnhancedRequest.builder(OrderItem.class).item(paid).ignoreNulls(true)
                                .conditionExpression(Expression.builder()
                                        .expression("#status = :pending AND expiresAtEpoch > :nowEpoch")
                                        .expressionNames(Map.of("#status", "status"))
                                        .expressionValues(Map.of(
                                                ":pending", AttributeValue.fromS(OrderStatus.PENDING_PAYMENT.name()),
                                                ":nowEpoch", DynamoDbOrderRepository.number(now.getEpochSecond())))
                                        .build())
                                .build())
                .build();
        try {
            client.transactWriteItems(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0)) {
                // Recorded already by an attempt that resumed this payment id (same charge): success only if
                // that record is the capture; a payment refunded at once means the order could not be paid.
                if (find(payment.paymentId()).map(p -> p.status() == PaymentStatus.CAPTURED).orElse(false)) {
                    return;
                }
                throw new OrderNotPayableException();
            }
            if (Transactions.conditionFailed(e, 2)) {
                throw new OrderNotPayableException();
            }
            throw e;
        }
    }

    @Override
    public void recordRefundedAtOnce(Payment payment) {
        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(payments, toItem(payment))
                .addUpdateItem(slotsNextVersion,
                        slotMove(payment.orderId(), SlotState.VOIDED, heldBy(payment.paymentId())))
                .build());
    }

    @Override
    public void recordRefund(Payment before, Payment after, Refund refund) {
        PaymentItem refunded = new PaymentItem();
        refunded.setPk(PaymentItem.key(after.paymentId()));
        refunded.setRefundedAmount(after.refundedAmount().amount());
        refunded.setStatus(after.status().name());
        refunded.setUpdatedAt(after.updatedAt().toString());
        RefundItem refundItem = new RefundItem();
        refundItem.setPk(RefundItem.PREFIX + refund.refundId());
        refundItem.setRefundId(refund.refundId());
        refundItem.setPaymentId(refund.paymentId());
        refundItem.setAmount(refund.amount().amount());
        refundItem.setCurrency(refund.amount().currency());
        refundItem.setReason(refund.reason());
        refundItem.setCreatedAt(refund.createdAt().toString());
        OrderItem order = new OrderItem();
        order.setOrderId(after.orderId());
        order.setPayment(summary(after));
        TransactWriteItemsEnhancedRequest writes = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(payments, TransactUpdateItemEnhancedRequest.builder(PaymentItem.class).item(refunded)
                        .ignoreNulls(true)
                        .conditionExpression(Expression.builder().expression("refundedAmount = :before")
                                .expressionValues(Map.of(":before",
                                        DynamoDbOrderRepository.number(before.refundedAmount().amount())))
                                .build())
                        .build())
                .addPutItem(refunds, TransactPutItemEnhancedRequest.builder(RefundItem.class).item(refundItem)
                        .conditionExpression(NOT_EXISTS).build())
                .addUpdateItem(orders, TransactUpdateItemEnhancedRequest.builder(OrderItem.class).item(order)
                        .ignoreNulls(true)
                        .conditionExpression(Expression.builder().expression("attribute_exists(orderId)").build())
                        .build())
                .build();
        try {
            client.transactWriteItems(writes);
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conflicted(e)) {
                throw new PaymentChangedException();
            }
            throw e;
        }
    }

    @Override
    public boolean eventSeen(String eventId) {
        return read(events, PaymentEventItem.PREFIX + eventId) != null;
    }

    @Override
    public void rememberEvent(String eventId, Instant keepUntil) {
        PaymentEventItem item = new PaymentEventItem();
        item.setPk(PaymentEventItem.PREFIX + eventId);
        item.setExpiresAt(keepUntil.getEpochSecond());
        events.putItem(item);
    }

    @Override
    public Optional<Payment> find(String paymentId) {
        if (!Keys.isStorable(paymentId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(payments, PaymentItem.key(paymentId)))
                .map(DynamoDbPaymentRepository::toPayment);
    }

    private static <T> T read(DynamoDbTable<T> table, String pk) {
        return table.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(pk).build())
                .consistentRead(true).build());
    }

    /** The slot's move to {@code state}, its version bumped when run on {@link #slotsNextVersion}. */
    private static TransactUpdateItemEnhancedRequest<PaymentSlotItem> slotMove(String orderId, SlotState state,
            Expression condition) {
        PaymentSlotItem item = new PaymentSlotItem();
        item.setPk(PaymentSlotItem.key(orderId));
        item.setState(state.name());
        return TransactUpdateItemEnhancedRequest.builder(PaymentSlotItem.class).item(item).ignoreNulls(true)
                .conditionExpression(condition).build();
    }

    /** The slot is held by {@code paymentId}. */
    private static Expression heldBy(String paymentId) {
        return Expression.builder().expression("paymentId = :id")
                .expressionValues(Map.of(":id", AttributeValue.fromS(paymentId))).build();
    }

    /** The slot is held by {@code paymentId}, still paying. */
    private static Expression payingBy(String paymentId) {
        return Expression.builder().expression("paymentId = :id AND #state = :paying")
                .expressionNames(Map.of("#state", "state"))
                .expressionValues(Map.of(":id", AttributeValue.fromS(paymentId),
                        ":paying", AttributeValue.fromS(SlotState.PAYING.name())))
                .build();
    }

    private static OrderItem.PaymentSummary summary(Payment payment) {
        return DynamoDbOrderRepository.paymentSummary(payment.paymentId(), payment.status().name(),
                payment.amount().amount(), payment.refundedAmount().amount());
    }

    static PaymentItem toItem(Payment payment) {
        PaymentItem item = new PaymentItem();
        item.setPk(PaymentItem.key(payment.paymentId()));
        item.setPaymentId(payment.paymentId());
        item.setOrderId(payment.orderId());
        item.setUserId(payment.userId());
        item.setStatus(payment.status().name());
        item.setCurrency(payment.amount().currency());
        item.setAmount(payment.amount().amount());
        item.setRefundedAmount(payment.refundedAmount().amount());
        item.setProvider(payment.provider());
        item.setProviderPaymentId(payment.providerPaymentId());
        item.setCreatedAt(payment.createdAt().toString());
        item.setUpdatedAt(payment.updatedAt().toString());
        return item;
    }

    static Payment toPayment(PaymentItem item) {
        String currency = item.getCurrency();
        return new Payment(item.getPaymentId(), item.getOrderId(), item.getUserId(),
                PaymentStatus.valueOf(item.getStatus()), Money.of(item.getAmount(), currency),
                Money.of(item.getRefundedAmount(), currency), item.getProvider(), item.getProviderPaymentId(),
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()));
    }
}
