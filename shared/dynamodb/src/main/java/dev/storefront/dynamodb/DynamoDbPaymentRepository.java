package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.payment.Payment;
import dev.storefront.domain.payment.PaymentRepository;
import dev.storefront.domain.payment.PaymentStatus;
import dev.storefront.domain.payment.Refund;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payments in the payments table ({@code pk}): {@code PAYMENT#<paymentId>} items, one {@code SLOT#<orderId>}
 * item per order that is being or has been paid, and {@code REFUND#<refundId>} items. The capture is recorded together with
 * the order's move to {@code PAID} in one transaction over the payments and orders tables.
 */
public final class DynamoDbPaymentRepository implements PaymentRepository {

    static final String PAYMENT = "PAYMENT#";
    static final String SLOT = "SLOT#";
    static final String REFUND = "REFUND#";
    static final String EVENT = "EVENT#";

    private final DynamoDbClient client;
    private final String payments;
    private final String orders;

    public DynamoDbPaymentRepository(DynamoDbClient client, String paymentsTable, String ordersTable) {
        this.client = client;
        this.payments = paymentsTable;
        this.orders = ordersTable;
    }

    @Override
    public Optional<PaymentSlot> slot(String orderId) {
        if (!Keys.isStorable(orderId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(payments).consistentRead(true)
                .key(key(SLOT + orderId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaymentSlot(orderId, item.get("paymentId").s(), SlotState.valueOf(item.get("state").s()),
                Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n())), Long.parseLong(item.get("version").n())));
    }

    @Override
    public void claim(String orderId, String paymentId, Instant leaseUntil, PaymentSlot expected) {
        Map<String, AttributeValue> item = new HashMap<>(key(SLOT + orderId));
        item.put("paymentId", AttributeValue.fromS(paymentId));
        item.put("state", AttributeValue.fromS(SlotState.PAYING.name()));
        item.put("leaseUntil", DynamoDbOrderRepository.number(leaseUntil.toEpochMilli()));
        item.put("version", DynamoDbOrderRepository.number(expected == null ? 1 : expected.version() + 1));
        try {
            if (expected == null) {
                client.putItem(b -> b.tableName(payments).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                client.putItem(b -> b.tableName(payments).item(item).conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", DynamoDbOrderRepository.number(expected.version()))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new SlotTakenException();
        }
    }

    @Override
    public void release(String orderId, String paymentId) {
        try {
            client.updateItem(b -> b.tableName(payments).key(key(SLOT + orderId))
                    .updateExpression("SET #state = :declined, version = version + :one")
                    .conditionExpression("paymentId = :id AND #state = :paying")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":declined", AttributeValue.fromS(SlotState.DECLINED.name()),
                            ":paying", AttributeValue.fromS(SlotState.PAYING.name()),
                            ":id", AttributeValue.fromS(paymentId), ":one", DynamoDbOrderRepository.number(1))));
        } catch (ConditionalCheckFailedException e) {
            // Another attempt took over the slot after our lease lapsed: it decides.
        }
    }

    @Override
    public void recordCapture(Payment payment, Order order, Instant now) {
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(payments).item(toItem(payment))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(payments).key(key(SLOT + payment.orderId()))
                        .updateExpression("SET #state = :paid, version = version + :one")
                        .conditionExpression("paymentId = :id AND #state = :paying")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS(SlotState.PAID.name()),
                                ":paying", AttributeValue.fromS(SlotState.PAYING.name()),
                                ":id", AttributeValue.fromS(payment.paymentId()),
                                ":one", DynamoDbOrderRepository.number(1)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(orders)
                        .key(Map.of("orderId", AttributeValue.fromS(order.orderId())))
                        .updateExpression("SET #status = :paid, updatedAt = :now, payment = :payment REMOVE pendingShard")
                        .conditionExpression("#status = :pending AND expiresAtEpoch > :nowEpoch")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS("PAID"),
                                ":pending", AttributeValue.fromS("PENDING_PAYMENT"),
                                ":now", AttributeValue.fromS(now.toString()),
                                ":nowEpoch", DynamoDbOrderRepository.number(now.getEpochSecond()),
                                ":payment", DynamoDbOrderRepository.paymentSummary(payment.paymentId(),
                                        payment.status().name(), payment.amount().amount(),
                                        payment.refundedAmount().amount())))).build());
        try {
            client.transactWriteItems(b -> b.transactItems(writes));
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
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(payments).item(toItem(payment))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(payments).key(key(SLOT + payment.orderId()))
                        .updateExpression("SET #state = :voided, version = version + :one")
                        .conditionExpression("paymentId = :id")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":voided", AttributeValue.fromS(SlotState.VOIDED.name()),
                                ":id", AttributeValue.fromS(payment.paymentId()),
                                ":one", DynamoDbOrderRepository.number(1)))).build());
        client.transactWriteItems(b -> b.transactItems(writes));
    }

    @Override
    public void recordRefund(Payment before, Payment after, Refund refund) {
        Map<String, AttributeValue> refundItem = new HashMap<>(key(REFUND + refund.refundId()));
        refundItem.put("refundId", AttributeValue.fromS(refund.refundId()));
        refundItem.put("paymentId", AttributeValue.fromS(refund.paymentId()));
        refundItem.put("amount", DynamoDbOrderRepository.number(refund.amount().amount()));
        refundItem.put("currency", AttributeValue.fromS(refund.amount().currency()));
        if (refund.reason() != null) {
            refundItem.put("reason", AttributeValue.fromS(refund.reason()));
        }
        refundItem.put("createdAt", AttributeValue.fromS(refund.createdAt().toString()));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(payments).key(key(PAYMENT + after.paymentId()))
                        .updateExpression("SET refundedAmount = :after, #status = :status, updatedAt = :now")
                        .conditionExpression("refundedAmount = :before")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":after", DynamoDbOrderRepository.number(after.refundedAmount().amount()),
                                ":before", DynamoDbOrderRepository.number(before.refundedAmount().amount()),
                                ":status", AttributeValue.fromS(after.status().name()),
                                ":now", AttributeValue.fromS(after.updatedAt().toString())))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(payments).item(refundItem)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(orders)
                        .key(Map.of("orderId", AttributeValue.fromS(after.orderId())))
                        .updateExpression("SET payment = :payment")
                        .conditionExpression("attribute_exists(orderId)")
                        .expressionAttributeValues(Map.of(":payment", DynamoDbOrderRepository.paymentSummary(
                                after.paymentId(), after.status().name(), after.amount().amount(),
                                after.refundedAmount().amount())))).build());
        try {
            client.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conflicted(e)) {
                throw new PaymentChangedException();
            }
            throw e;
        }
    }

    @Override
    public boolean eventSeen(String eventId) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(payments).consistentRead(true)
                .key(key(EVENT + eventId))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void rememberEvent(String eventId, Instant keepUntil) {
        client.putItem(b -> b.tableName(payments).item(Map.of("pk", AttributeValue.fromS(EVENT + eventId),
                "expiresAt", DynamoDbOrderRepository.number(keepUntil.getEpochSecond()))));
    }

    @Override
    public Optional<Payment> find(String paymentId) {
        if (!Keys.isStorable(paymentId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(payments).consistentRead(true)
                .key(key(PAYMENT + paymentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toPayment(item));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    static Map<String, AttributeValue> toItem(Payment payment) {
        Map<String, AttributeValue> item = new HashMap<>(key(PAYMENT + payment.paymentId()));
        item.put("paymentId", AttributeValue.fromS(payment.paymentId()));
        item.put("orderId", AttributeValue.fromS(payment.orderId()));
        item.put("userId", AttributeValue.fromS(payment.userId()));
        item.put("status", AttributeValue.fromS(payment.status().name()));
        item.put("currency", AttributeValue.fromS(payment.amount().currency()));
        item.put("amount", DynamoDbOrderRepository.number(payment.amount().amount()));
        item.put("refundedAmount", DynamoDbOrderRepository.number(payment.refundedAmount().amount()));
        item.put("provider", AttributeValue.fromS(payment.provider()));
        item.put("providerPaymentId", AttributeValue.fromS(payment.providerPaymentId()));
        item.put("createdAt", AttributeValue.fromS(payment.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(payment.updatedAt().toString()));
        return item;
    }

    static Payment toPayment(Map<String, AttributeValue> item) {
        String currency = item.get("currency").s();
        return new Payment(item.get("paymentId").s(), item.get("orderId").s(), item.get("userId").s(),
                PaymentStatus.valueOf(item.get("status").s()),
                Money.of(Long.parseLong(item.get("amount").n()), currency),
                Money.of(Long.parseLong(item.get("refundedAmount").n()), currency), item.get("provider").s(),
                item.get("providerPaymentId").s(), Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }
}
