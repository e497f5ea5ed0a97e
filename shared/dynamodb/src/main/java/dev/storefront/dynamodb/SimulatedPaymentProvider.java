package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.payment.PaymentProvider;
import java.security.SecureRandom;
import java.util.HexFormat;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
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

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbTable<SimulatedOutcomeItem> outcomes;

    public SimulatedPaymentProvider(DynamoDbEnhancedClient client, String paymentsTable) {
        this.outcomes = client.table(paymentsTable, SimulatedOutcomeItem.SCHEMA);
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
        SimulatedOutcomeItem outcome = outcome(idempotencyKey, "charge", amount);
        outcome.setOrderId(orderId);
        if (declineCode == null) {
            outcome.setProviderPaymentId("sim_ch_" + random());
        } else {
            outcome.setDeclineCode(declineCode);
        }
        SimulatedOutcomeItem stored = storeOnce(outcome);
        requireSameAmount(stored, amount, idempotencyKey);
        return stored.getProviderPaymentId() != null ? Charge.captured(stored.getProviderPaymentId())
                : Charge.declined(stored.getDeclineCode());
    }

    @Override
    public String refund(String idempotencyKey, String providerPaymentId, Money amount) {
        SimulatedOutcomeItem outcome = outcome(idempotencyKey, "refund", amount);
        outcome.setCharge(providerPaymentId);
        outcome.setRefundId("sim_re_" + random());
        SimulatedOutcomeItem stored = storeOnce(outcome);
        requireSameAmount(stored, amount, idempotencyKey);
        return stored.getRefundId();
    }

    private static SimulatedOutcomeItem outcome(String idempotencyKey, String kind, Money amount) {
        SimulatedOutcomeItem outcome = new SimulatedOutcomeItem();
        outcome.setPk(SimulatedOutcomeItem.PREFIX + idempotencyKey);
        outcome.setKind(kind);
        outcome.setAmount(amount.amount());
        outcome.setCurrency(amount.currency());
        return outcome;
    }

    /** Stores the outcome under its key unless one is stored already; returns the stored one. */
    private SimulatedOutcomeItem storeOnce(SimulatedOutcomeItem outcome) {
        try {
            outcomes.putItem(PutItemEnhancedRequest.builder(SimulatedOutcomeItem.class).item(outcome)
                    .conditionExpression(NOT_EXISTS).build());
            return outcome;
        } catch (ConditionalCheckFailedException e) {
            return outcomes.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(outcome.getPk()).build()).consistentRead(true).build());
        }
    }

    private static void requireSameAmount(SimulatedOutcomeItem stored, Money amount, String key) {
        if (stored.getAmount() != amount.amount()) {
            throw new IllegalStateException("idempotency key " + key + " was used with another amount");
        }
    }

    private static String random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
