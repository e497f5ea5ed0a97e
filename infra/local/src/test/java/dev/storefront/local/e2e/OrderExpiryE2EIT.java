package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.PAID_OR_FULFILLING;
import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.awaitInstant;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.pause;
import static dev.storefront.local.e2e.Shop.together;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Unpaid orders expiring, on a stack whose reservations last {@value #SHORT_RESERVATION_SECONDS} seconds: what
 * shoppers read at the instant of expiry, the sweep returning the stock once, and payments racing the sweep
 * ("a shopper is charged at most once, and never for an expired order"). Stock, orders, charges and payments
 * are read straight from the tables, where the outcome of a race is decided.
 *
 * <p>Each test starts its own stack: the sweep ({@code OrderExpiryFunction}, {@code rate(1 minute)}) also runs on
 * its own as a stack starts and then every minute, so a test that sees an order "not swept yet" must be done
 * within the first minute of its stack.
 */
class OrderExpiryE2EIT {

    private static final int SHORT_RESERVATION_SECONDS = 3;
    private static final int EXPIRY_RACES = 10;

    private Stack stack;

    @BeforeEach
    void startAStackWithShortReservations() {
        stack = Stack.start(Map.of("STOREFRONT_RESERVATION_TTL_SECONDS", Integer.toString(SHORT_RESERVATION_SECONDS)));
    }

    @AfterEach
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void unpaidOrder_shouldReadAsExpiredAfterItsReservation_andTheSweepShouldReturnItsStockOnce() {
        // given: an unpaid order holding 2 of 5 units
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(2500, 5, "Limited edition");
        assertThat(stack.addItem(shopper, product, 2).status()).isEqualTo(200);
        Response placed = stack.http().send(stack.checkoutRequest(shopper, "expiry-" + UUID.randomUUID()));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode order = placed.json();
        String orderId = order.path("orderId").asText();
        Instant createdAt = Instant.parse(order.path("createdAt").asText());
        Instant expiresAt = Instant.parse(order.path("expiresAt").asText());
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(Duration.between(createdAt, expiresAt)).isBetween(
                Duration.ofSeconds(SHORT_RESERVATION_SECONDS - 1), Duration.ofSeconds(SHORT_RESERVATION_SECONDS));
        assertThat(stack.storedStock(product)).isEqualTo(3);

        // when: the reservation time passes (polled: the status must flip exactly at expiresAt)
        String status = awaitExpiry(shopper, orderId, expiresAt);

        // then: shoppers see EXPIRED before the sweep ran; the stock is still held and cannot be cancelled back
        assertThat(status).isEqualTo("EXPIRED");
        assertThat(stack.storedOrder(orderId).get("status").s()).as("not swept yet").isEqualTo("PENDING_PAYMENT");
        assertThat(stack.storedStock(product)).isEqualTo(3);
        JsonNode cancelBeforeSweep = assertProblem(stack.cancel(shopper, orderId), 409);
        assertThat(cancelBeforeSweep.path("type").asText()).endsWith("/order-not-cancellable");
        assertThat(stack.storedStock(product)).isEqualTo(3);

        // when: the scheduled sweep runs, twice
        JsonNode firstSweep = stack.runSchedule("OrderExpiryFunction");
        int stockAfterFirst = stack.storedStock(product);
        JsonNode secondSweep = stack.runSchedule("OrderExpiryFunction");

        // then: the stock returned exactly once
        assertThat(firstSweep.path("expired").asInt()).isEqualTo(1);
        assertThat(stockAfterFirst).isEqualTo(5);
        assertThat(secondSweep.path("expired").asInt()).isZero();
        assertThat(stack.storedStock(product)).isEqualTo(5);
        assertThat(stack.storedOrder(orderId).get("status").s()).isEqualTo("EXPIRED");
        assertThat(stack.getOrder(shopper, orderId).json().path("status").asText()).isEqualTo("EXPIRED");
        assertProblem(stack.cancel(shopper, orderId), 409);
        assertThat(stack.storedStock(product)).isEqualTo(5);
    }

    @Test
    void pay_shouldNeverLeaveAnOrderBothChargedAndExpired_whenPaymentRacesTheExpirySweep() throws Exception {
        Shopper shopper = stack.newShopper();

        // given: an order past its reservation, not swept yet
        Placed late = stack.placeOrder(shopper, 900, 1);
        awaitInstant(Instant.parse(late.order().path("expiresAt").asText()).plusMillis(200));

        // when / then: paying it is refused without a charge
        Response refused = stack.pay(shopper, late.orderId(), "tok_visa", key());
        assertThat(assertProblem(refused, 409).path("type").asText()).endsWith("/order-not-payable");
        assertThat(stack.charges(late.orderId())).isEmpty();
        assertThat(stack.storedOrder(late.orderId()).get("status").s()).isEqualTo("PENDING_PAYMENT");

        int paid = 0;
        int expired = 0;
        int refunded = 0;
        for (int race = 0; race < EXPIRY_RACES; race++) {
            // given: an unpaid order; fire around its expiry, from 400 ms before to 140 ms after
            Placed placed = stack.placeOrder(shopper, 1000 + race, 1);
            Instant expiresAt = Instant.parse(placed.order().path("expiresAt").asText());
            awaitInstant(expiresAt.minusMillis(400 - 60L * race));

            // when: the payment and the sweep start at the same moment
            HttpRequest payment = stack.payRequest(shopper, placed.orderId(), "tok_visa", key());
            List<Object> outcomes = together(List.of(() -> stack.http().send(payment),
                    () -> stack.runSchedule("OrderExpiryFunction")));
            Response answer = (Response) outcomes.get(0);
            awaitInstant(expiresAt.plusMillis(100));
            stack.runSchedule("OrderExpiryFunction");

            // then: PAID (and charged once) or EXPIRED (stock back, any charge refunded) - never both
            String status = stack.storedOrder(placed.orderId()).get("status").s();
            List<Map<String, AttributeValue>> charges = stack.capturedCharges(placed.orderId());
            List<Map<String, AttributeValue>> payments = stack.storedPayments(placed.orderId());
            assertThat(charges).as("race %d: charges", race).hasSizeLessThanOrEqualTo(1);
            if (PAID_OR_FULFILLING.contains(status)) {
                paid++;
                assertThat(answer.status()).as("race %d: %s", race, answer).isEqualTo(201);
                assertThat(charges).as("race %d", race).hasSize(1);
                assertThat(payments).as("race %d", race).singleElement()
                        .satisfies(p -> assertThat(p.get("status").s()).isEqualTo("CAPTURED"));
                assertThat(stack.storedStock(placed.productId())).as("race %d: stock", race).isEqualTo(UNITS - 1);
            } else {
                expired++;
                assertThat(status).as("race %d", race).isEqualTo("EXPIRED");
                assertThat(assertProblem(answer, 409).path("type").asText()).as("race %d", race)
                        .endsWith("/order-not-payable");
                assertThat(stack.storedStock(placed.productId())).as("race %d: stock", race).isEqualTo(UNITS);
                assertThat(stack.storedOrder(placed.orderId()).get("payment")).as("race %d", race).isNull();
                if (!charges.isEmpty()) {
                    refunded++;
                    String paymentId = charges.get(0).get("pk").s().substring("SIM#pay-".length());
                    assertThat(payments).as("race %d: refunded payment", race).singleElement().satisfies(p -> {
                        assertThat(p.get("paymentId").s()).isEqualTo(paymentId);
                        assertThat(p.get("status").s()).isEqualTo("REFUNDED");
                        assertThat(p.get("refundedAmount").n()).isEqualTo(p.get("amount").n());
                    });
                    assertThat(stack.simulated("void-" + paymentId)).as("race %d: refund", race)
                            .hasValueSatisfying(r -> assertThat(r.get("kind").s()).isEqualTo("refund"));
                } else {
                    assertThat(payments).as("race %d", race).isEmpty();
                }
            }
        }
        System.out.printf("payment vs expiry: %d paid, %d expired (%d of them charged and refunded)%n", paid,
                expired, refunded);
        assertThat(paid + expired).isEqualTo(EXPIRY_RACES);
    }

    /**
     * Reads the order until it shows {@code EXPIRED} (at most 10 s past {@code expiresAt}); checks on every
     * read that the status agrees with the clock: PENDING_PAYMENT only when asked before {@code expiresAt},
     * EXPIRED only when answered after it. Returns the last status read.
     */
    private String awaitExpiry(Shopper shopper, String orderId, Instant expiresAt) {
        Instant deadline = expiresAt.plusSeconds(10);
        String status;
        do {
            Instant asked = Instant.now();
            Response read = stack.getOrder(shopper, orderId);
            Instant answered = Instant.now();
            assertThat(read.status()).as("%s", read).isEqualTo(200);
            status = read.json().path("status").asText();
            if (status.equals("PENDING_PAYMENT")) {
                assertThat(asked).as("PENDING_PAYMENT read at %s", asked).isBefore(expiresAt);
                pause(Duration.ofMillis(100));
            } else {
                assertThat(status).isEqualTo("EXPIRED");
                assertThat(answered).as("EXPIRED read at %s", answered).isAfterOrEqualTo(expiresAt);
            }
        } while (!status.equals("EXPIRED") && Instant.now().isBefore(deadline));
        return status;
    }
}
