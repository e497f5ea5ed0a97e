package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.PAID_OR_FULFILLING;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.assertMoney;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.payBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.payment.WebhookSignature;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paying orders through the local gateway with the simulated provider, on the shop's shared stack: the contract's
 * answers, refunds, webhooks, and "a shopper is charged at most once per order" under races of real HTTP requests
 * (different keys, one key). Charges, payments, orders and stock are read straight from the tables, where the
 * outcome of a race is decided. Payment racing the expiry sweep is {@link OrderExpiryE2EIT}.
 */
class PaymentE2EIT extends SharedStackE2E {

    private static final int RACERS = 8;

    @Test
    void pay_shouldCaptureTheTotal_andTheOrderShouldBecomePaidWithItsPaymentSummary() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 2);
        long total = placed.order().path("total").path("amount").asLong();

        // when
        Response paid = stack.pay(shopper, placed.orderId(), "tok_visa", key());

        // then
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        JsonNode payment = paid.json();
        assertThat(fieldNames(payment)).containsExactlyInAnyOrder("paymentId", "orderId", "status", "amount",
                "refundedAmount", "provider", "createdAt");
        String paymentId = payment.path("paymentId").asText();
        assertThat(paymentId).matches("[A-Za-z0-9_-]+");
        assertThat(payment.path("orderId").asText()).isEqualTo(placed.orderId());
        assertThat(payment.path("status").asText()).isEqualTo("CAPTURED");
        assertMoney(payment.path("amount"), total);
        assertMoney(payment.path("refundedAmount"), 0);
        assertThat(payment.path("provider").asText()).isEqualTo("simulated");
        assertThat(payment.path("createdAt").asText()).matches(RFC_3339_UTC);
        assertThat(paid.header("Location")).contains("/payments/" + paymentId);

        // and: the order is paid, its stock stays sold
        JsonNode order = stack.getOrder(shopper, placed.orderId()).json();
        assertThat(order.path("status").asText()).isIn(PAID_OR_FULFILLING);
        assertThat(order.path("payment").path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(order.path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertMoney(order.path("payment").path("amount"), total);
        assertMoney(order.path("payment").path("refundedAmount"), 0);
        assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS - 2);
        assertThat(stack.capturedCharges(placed.orderId())).hasSize(1);

        // and: the owner reads the payment; nobody else can
        Response read = stack.getPayment(shopper, paymentId);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json()).isEqualTo(payment);
        assertThat(assertProblem(stack.getPayment(stack.newShopper(), paymentId), 404).path("type").asText())
                .endsWith("/payment-not-found");
        assertProblem(stack.getPayment(shopper, "01UNKNOWNPAYMENT0000000000"), 404);
    }

    @Test
    void pay_shouldAnswer402WithTheDeclineCode_andLeaveTheOrderPayable_whenTheCardIsDeclined() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 2500, 1);

        for (String[] card : new String[][] {{"tok_chargeDeclined", "card_declined"},
                {"tok_chargeDeclinedInsufficientFunds", "insufficient_funds"}}) {
            // when
            Response declined = stack.pay(shopper, placed.orderId(), card[0], key());

            // then
            JsonNode problem = assertProblem(declined, 402);
            assertThat(problem.path("type").asText()).endsWith("/payment-declined");
            assertThat(problem.path("declineCode").asText()).as("%s", declined).isEqualTo(card[1]);
            JsonNode order = stack.getOrder(shopper, placed.orderId()).json();
            assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(order.path("payment").isNull()).isTrue();
        }

        // when: paid with a good card
        Response paid = stack.pay(shopper, placed.orderId(), "tok_visa", key());

        // then
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        assertThat(stack.getOrder(shopper, placed.orderId()).json().path("status").asText()).isIn(PAID_OR_FULFILLING);
        assertThat(stack.capturedCharges(placed.orderId())).hasSize(1);
        assertThat(stack.storedPayments(placed.orderId())).hasSize(1);
    }

    @Test
    void pay_shouldAnswerConflict_whenTheOrderIsPaidAlready() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1000, 1);
        assertThat(stack.pay(shopper, placed.orderId(), "tok_visa", key()).status()).isEqualTo(201);

        // when
        Response again = stack.pay(shopper, placed.orderId(), "tok_visa", key());

        // then
        assertThat(assertProblem(again, 409).path("type").asText()).endsWith("/order-not-payable");
        assertThat(stack.capturedCharges(placed.orderId())).hasSize(1);
    }

    @Test
    void pay_shouldAnswerNotFound_forAnotherShoppersOrderOrAnUnknownOne() {
        // given
        Shopper owner = stack.newShopper();
        Shopper stranger = stack.newShopper();
        Placed placed = stack.placeOrder(owner, 1000, 1);

        // when / then
        assertThat(assertProblem(stack.pay(stranger, placed.orderId(), "tok_visa", key()), 404).path("type").asText())
                .endsWith("/order-not-found");
        assertProblem(stack.pay(stranger, "01UNKNOWNORDER000000000000", "tok_visa", key()), 404);
        assertThat(stack.getOrder(owner, placed.orderId()).json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(stack.charges(placed.orderId())).isEmpty();
    }

    @Test
    void pay_shouldRequireAnIdempotencyKey_andReplayTheFirstAnswerForTheSameKeyAndBody() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1000, 1);
        ObjectNode body = payBody(placed.orderId(), "tok_visa");

        // when: no key
        Response keyless = stack.http().post("/payments", body, "Authorization", shopper.authorization());

        // then
        assertProblem(keyless, 400);
        assertThat(stack.charges(placed.orderId())).isEmpty();

        // when: a key, then the same key and body again, then the same key with another body
        String key = key();
        Response first = stack.pay(shopper, placed.orderId(), "tok_visa", key);
        Response replay = stack.pay(shopper, placed.orderId(), "tok_visa", key);
        Response otherBody = stack.pay(shopper, placed.orderId(), "tok_chargeDeclined", key);

        // then
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(replay.status()).as("%s", replay).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertProblem(otherBody, 422);
        assertThat(stack.capturedCharges(placed.orderId())).hasSize(1);
        assertThat(stack.storedPayments(placed.orderId())).hasSize(1);
    }

    @Test
    void pay_shouldAnswer400NamingTheField_andChargeNothing_whenTheBodyIsBad() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1000, 1);
        String id = placed.orderId();
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("{\"paymentMethod\":{\"token\":\"tok_visa\"}}", List.of("orderId"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{}}", List.of("paymentMethod.token"));
        cases.put("{\"orderId\":\"" + id + "\"}", List.of("paymentMethod"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{\"token\":\"tok_visa\"},\"amount\":1}",
                List.of("amount"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{\"token\":\"tok_visa\",\"cvc\":\"123\"}}",
                List.of("paymentMethod.cvc"));
        cases.put("{\"orderId\":12345,\"paymentMethod\":{\"token\":\"tok_visa\"}}", List.of("orderId"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":\"tok_visa\"}", List.of("paymentMethod"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{\"token\":4242}}", List.of("paymentMethod.token"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{\"token\":\"tok visa; drop\"}}",
                List.of("paymentMethod.token"));
        cases.put("{\"orderId\":\"" + id + "\",\"paymentMethod\":{\"token\":\"tok_visa\"}", List.of());

        cases.forEach((body, fields) -> {
            // when
            Response response = stack.http().send(stack.http().withBody("POST", "/payments", body,
                    Http.APPLICATION_JSON, "Authorization", shopper.authorization(), "Idempotency-Key", key()).build());

            // then
            JsonNode problem = assertProblem(response, 400);
            assertThat(errorFields(problem)).as("fields named for %s", body).containsAll(fields);
        });
        assertThat(stack.charges(id)).isEmpty();
        assertThat(stack.getOrder(shopper, id).json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void payments_shouldAnswer401_withoutAnAccessToken() {
        Response pay = stack.http().post("/payments", payBody("01UNKNOWNORDER000000000000", "tok_visa"),
                "Idempotency-Key", key());
        Response get = stack.http().get("/payments/01UNKNOWNPAYMENT0000000000");

        for (Response response : List.of(pay, get)) {
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void pay_shouldChargeOnce_whenEightPaymentsWithDifferentKeysRaceOnOneOrder() throws Exception {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 4999, 1);

        // when
        List<Response> responses = stack.concurrently(RACERS,
                i -> stack.payRequest(shopper, placed.orderId(), "tok_visa", "tab-" + i + "-" + UUID.randomUUID()));

        // then: one payment, every other answer a conflict
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as("%s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(RACERS - 1).allSatisfy(r ->
                assertThat(assertProblem(r, 409).path("type").asText()).matches(".*/(payment-in-progress|order-not-payable)"));
        String paymentId = created.get(0).json().path("paymentId").asText();

        // and: one charge at the provider, one payment, the order paid once by it
        assertThat(stack.charges(placed.orderId())).as("charges").hasSize(1);
        assertThat(stack.charges(placed.orderId()).get(0).get("pk").s()).isEqualTo("SIM#pay-" + paymentId);
        assertThat(stack.storedPayments(placed.orderId())).extracting(p -> p.get("paymentId").s())
                .containsExactly(paymentId);
        JsonNode order = stack.getOrder(shopper, placed.orderId()).json();
        assertThat(order.path("status").asText()).isIn(PAID_OR_FULFILLING);
        assertThat(order.path("payment").path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS - 1);
    }

    @Test
    void pay_shouldPayOnce_whenTheSameKeyAndBodyArriveEightTimesAtOnce() throws Exception {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1234, 1);
        String key = "double-click-" + UUID.randomUUID();

        // when
        List<Response> responses = stack.concurrently(RACERS, i -> stack.payRequest(shopper, placed.orderId(), "tok_visa", key));

        // then: one original; every other answer is its replay or "still in progress"
        List<Response> originals = responses.stream()
                .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()).toList();
        assertThat(originals).as("%s", responses).hasSize(1);
        JsonNode payment = originals.get(0).json();
        assertThat(responses).filteredOn(r -> !originals.contains(r)).allSatisfy(r -> {
            if (r.status() == 201) {
                assertThat(r.header("Idempotent-Replayed")).contains("true");
                assertThat(r.json()).isEqualTo(payment);
            } else {
                assertThat(assertProblem(r, 409).path("type").asText()).endsWith("/idempotency-in-progress");
            }
        });
        Response later = stack.http().send(stack.payRequest(shopper, placed.orderId(), "tok_visa", key));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).contains("true");
        assertThat(later.json()).isEqualTo(payment);

        // and
        assertThat(stack.charges(placed.orderId())).hasSize(1);
        assertThat(stack.storedPayments(placed.orderId())).hasSize(1);
        assertThat(stack.getOrder(shopper, placed.orderId()).json().path("status").asText()).isIn(PAID_OR_FULFILLING);
    }

    @Test
    void refund_shouldRefundPartlyThenTheRest_andTheOrderShouldShowIt() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 1);
        JsonNode payment = stack.pay(shopper, placed.orderId(), "tok_visa", key()).json();
        String paymentId = payment.path("paymentId").asText();
        long total = payment.path("amount").path("amount").asLong();

        // when: a partial refund, then all that is left (no amount)
        Response part = refund(paymentId, object("amount", object("amount", 500, "currency", "USD"),
                "reason", "scratched"));
        Response rest = refund(paymentId, object());

        // then
        assertThat(part.status()).as("%s", part).isEqualTo(201);
        assertThat(fieldNames(part.json())).containsExactlyInAnyOrder("refundId", "paymentId", "amount", "reason",
                "createdAt");
        assertMoney(part.json().path("amount"), 500);
        assertThat(part.json().path("reason").asText()).isEqualTo("scratched");
        assertThat(rest.status()).as("%s", rest).isEqualTo(201);
        assertMoney(rest.json().path("amount"), total - 500);
        JsonNode after = stack.getPayment(shopper, paymentId).json();
        assertThat(after.path("status").asText()).isEqualTo("REFUNDED");
        assertMoney(after.path("refundedAmount"), total);
        JsonNode order = stack.getOrder(shopper, placed.orderId()).json();
        assertThat(order.path("payment").path("status").asText()).isEqualTo("REFUNDED");
        assertMoney(order.path("payment").path("refundedAmount"), total);

        // and: nothing more can be refunded
        assertProblem(refund(paymentId, object()), 400);
    }

    @Test
    void refund_shouldRefuseBadAmounts_otherRoles_andUnknownPayments() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 1);
        JsonNode payment = stack.pay(shopper, placed.orderId(), "tok_visa", key()).json();
        String paymentId = payment.path("paymentId").asText();
        long total = payment.path("amount").path("amount").asLong();

        // then
        for (Object amount : List.of(object("amount", 0, "currency", "USD"), object("amount", -1, "currency", "USD"),
                object("amount", total + 1, "currency", "USD"), object("amount", 100, "currency", "EUR"),
                object("amount", "ten", "currency", "USD"), object("currency", "USD"))) {
            assertProblem(refund(paymentId, object("amount", amount)), 400);
        }
        assertProblem(refund(paymentId, object("amount", object("amount", 1, "currency", "USD"), "colour", "red")), 400);
        assertThat(stack.http().post("/payments/" + paymentId + "/refunds", object(),
                "Authorization", shopper.authorization()).status()).isEqualTo(403);
        assertProblem(refund("01UNKNOWNPAYMENT0000000000", object()), 404);
        assertMoney(stack.getPayment(shopper, paymentId).json().path("refundedAmount"), 0);
    }

    @Test
    void refund_shouldNeverAddUpToMoreThanWasCaptured_whenRefundsRace() throws Exception {
        // given: a payment, and 6 admins refunding 40 % of it at the same moment
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 2000, 1);
        JsonNode payment = stack.pay(shopper, placed.orderId(), "tok_visa", key()).json();
        String paymentId = payment.path("paymentId").asText();
        long total = payment.path("amount").path("amount").asLong();
        long part = total * 40 / 100;

        // when
        List<Response> answers = stack.concurrently(6, i -> stack.http().jsonPost("/payments/" + paymentId + "/refunds",
                object("amount", object("amount", part, "currency", "USD")), "Authorization", stack.admin()));

        // then: two fit, the others are refused; the payment never shows more than was captured
        long created = answers.stream().filter(r -> r.status() == 201).count();
        assertThat(created).isEqualTo(2);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 400, 409));
        JsonNode after = stack.getPayment(shopper, paymentId).json();
        assertMoney(after.path("refundedAmount"), 2 * part);
        assertThat(after.path("status").asText()).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void cancel_shouldCancelAPaidOrder_refundItInFull_andReturnItsStock() {
        // given
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 2);
        JsonNode payment = stack.pay(shopper, placed.orderId(), "tok_visa", key()).json();
        long total = payment.path("amount").path("amount").asLong();
        assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS - 2);

        // when
        Response cancelled = stack.http().post("/orders/" + placed.orderId() + "/cancel", object(),
                "Authorization", shopper.authorization());

        // then
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("payment").path("status").asText()).isEqualTo("REFUNDED");
        assertMoney(cancelled.json().path("payment").path("refundedAmount"), total);
        JsonNode after = stack.getPayment(shopper, payment.path("paymentId").asText()).json();
        assertThat(after.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS);

        // and: a second cancel changes nothing; nobody else can cancel
        assertProblem(stack.http().post("/orders/" + placed.orderId() + "/cancel", object(),
                "Authorization", shopper.authorization()), 409);
        assertThat(stack.storedStock(placed.productId())).isEqualTo(UNITS);
    }

    @Test
    void webhook_shouldRefuseBadSignaturesAndBodies_andAcknowledgeEachEventOnce() {
        // given
        WebhookSignature signer = stack.webhookSigner();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] event = ("{\"id\":\"" + eventId + "\",\"type\":\"charge.succeeded\",\"data\":{\"object\":"
                + "{\"id\":\"sim_ch_x\",\"amount\":100,\"currency\":\"usd\",\"metadata\":{\"orderId\":\"no-such-order\","
                + "\"paymentId\":\"no-such-payment\"}}}}").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();

        // then: the signature is checked on the raw body
        assertProblem(stack.webhook(event, null), 400);
        assertProblem(stack.webhook(event, "t=" + now.getEpochSecond() + ",v1=" + "0".repeat(64)), 400);
        assertProblem(stack.webhook(event, signer.sign(event, now.minusSeconds(301))), 400);
        byte[] tampered = new String(event, StandardCharsets.UTF_8).replace("100", "999")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(stack.webhook(tampered, signer.sign(event, now)), 400);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertProblem(stack.webhook(notJson, signer.sign(notJson, now)), 400);

        // and: a good event for an unknown order is acknowledged and ignored; its replay is a duplicate
        Response first = stack.webhook(event, signer.sign(event, now));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("outcome").asText()).isEqualTo("ignored");
        Response replay = stack.webhook(event, signer.sign(event, Instant.now()));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("outcome").asText()).isEqualTo("duplicate");
    }

    @Test
    void webhook_shouldNotTouchAPaymentRecordedAlready() {
        // given: a paid order, and the provider's late report of its charge
        Shopper shopper = stack.newShopper();
        Placed placed = stack.placeOrder(shopper, 1999, 1);
        JsonNode payment = stack.pay(shopper, placed.orderId(), "tok_visa", key()).json();
        WebhookSignature signer = stack.webhookSigner();
        byte[] event = ("{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"charge.succeeded\",\"data\":{\"object\":"
                + "{\"id\":\"sim_ch_late\",\"amount\":" + payment.path("amount").path("amount").asLong()
                + ",\"currency\":\"usd\",\"metadata\":{\"orderId\":\"" + placed.orderId() + "\",\"paymentId\":\""
                + payment.path("paymentId").asText() + "\"}}}}").getBytes(StandardCharsets.UTF_8);

        // when
        Response answer = stack.webhook(event, signer.sign(event, Instant.now()));

        // then
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("ignored");
        assertThat(stack.getOrder(shopper, placed.orderId()).json().path("status").asText()).isIn(PAID_OR_FULFILLING);
        assertThat(stack.capturedCharges(placed.orderId())).hasSize(1);
    }

    private static Response refund(String paymentId, Object body) {
        return stack.http().post("/payments/" + paymentId + "/refunds", body, "Authorization", stack.admin(),
                "Idempotency-Key", key());
    }
}
