package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A card processor simulated on top of the payments table, the default locally and wherever no real provider
 * is configured. It behaves like one where it matters to the storefront:
 *
 * <ul>
 *   <li>test tokens of the contract: {@code tok_visa} succeeds, {@code tok_chargeDeclined} is declined with
 *       {@code card_declined}, {@code tok_chargeDeclinedInsufficientFunds} with {@code insufficient_funds};
 *       any other token is declined with {@code invalid_token};</li>
 *   <li>idempotency keys: the first outcome of a key is stored ({@code SIM#<key>}, conditional put) and a
 *       repeated call returns it - no second charge or refund - while the same key with another amount is an
 *       error, as processors answer;</li>
 *   <li>refunds of captured charges.</li>
 * </ul>
 */
public final class SimulatedPaymentProvider implements PaymentProvider {

    static final String PREFIX = "SIM#";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient client;
    private final String table;

    public SimulatedPaymentProvider(DynamoDbClient client, String paymentsTable) {
        this.client = client;
        this.table = paymentsTable;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Charge capture(String idempotencyKey, Money amount, String token, String orderId, String paymentId) {
        String declineCode = switch (token) {
            case "tok_visa" -> null;
            case "tok_chargeDeclined" -> "card_declined";
            case "tok_chargeDeclinedInsufficientFunds" -> "insufficient_funds";
            default -> "invalid_token";
        };
        Map<String, AttributeValue> outcome = new HashMap<>();
        outcome.put("pk", AttributeValue.fromS(PREFIX + idempotencyKey));
        outcome.put("kind", AttributeValue.fromS("charge"));
        outcome.put("amount", DynamoDbOrderRepository.number(amount.amount()));
        outcome.put("currency", AttributeValue.fromS(amount.currency()));
        outcome.put("orderId", AttributeValue.fromS(orderId));
        if (declineCode == null) {
            outcome.put("providerPaymentId", AttributeValue.fromS("sim_ch_" + random()));
        } else {
            outcome.put("declineCode", AttributeValue.fromS(declineCode));
        }
        Map<String, AttributeValue> stored = storeOnce(outcome);
        requireSameAmount(stored, amount, idempotencyKey);
        return stored.containsKey("providerPaymentId") ? Charge.captured(stored.get("providerPaymentId").s())
                : Charge.declined(stored.get("declineCode").s());
    }

    @Override
    public String refund(String idempotencyKey, String providerPaymentId, Money amount) {
        Map<String, AttributeValue> outcome = new HashMap<>();
        outcome.put("pk", AttributeValue.fromS(PREFIX + idempotencyKey));
        outcome.put("kind", AttributeValue.fromS("refund"));
        outcome.put("charge", AttributeValue.fromS(providerPaymentId));
        outcome.put("amount", DynamoDbOrderRepository.number(amount.amount()));
        outcome.put("currency", AttributeValue.fromS(amount.currency()));
        outcome.put("refundId", AttributeValue.fromS("sim_re_" + random()));
        Map<String, AttributeValue> stored = storeOnce(outcome);
        requireSameAmount(stored, amount, idempotencyKey);
        return stored.get("refundId").s();
    }

    /** Stores the outcome under its key unless one is stored already; returns the stored one. */
    private Map<String, AttributeValue> storeOnce(Map<String, AttributeValue> outcome) {
        try {
            client.putItem(b -> b.tableName(table).item(outcome).conditionExpression("attribute_not_exists(pk)"));
            return outcome;
        } catch (ConditionalCheckFailedException e) {
            return client.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", outcome.get("pk")))).item();
        }
    }

    private static void requireSameAmount(Map<String, AttributeValue> stored, Money amount, String key) {
        if (Long.parseLong(stored.get("amount").n()) != amount.amount()) {
            throw new IllegalStateException("idempotency key " + key + " was used with another amount");
        }
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
