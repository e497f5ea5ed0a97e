package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Http.object;
import static dev.storefront.local.e2e.Shop.RFC_3339_UTC;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.await;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.fieldNames;
import static dev.storefront.local.e2e.Shop.key;
import static dev.storefront.local.e2e.Shop.productIds;
import static dev.storefront.local.e2e.Shop.together;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.shipment.TrackingNumbers;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Placed;
import dev.storefront.local.e2e.Shop.Shopper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Shipping paid orders through the local gateway: the orders stream creates one shipment per paid order (the
 * order moves to FULFILLING), admins record carrier scans that move the shipment and the order along, shoppers
 * follow their own shipment only; duplicate stream deliveries and racing scans and cancels end in one consistent
 * state. Runs on the shop's shared stack; shipments are also read straight from the table, where the outcome of
 * a race is decided.
 */
class ShipmentE2EIT extends SharedStackE2E {

    /** How long a paid order may take to get its shipment (the contract says "within seconds"). */
    private static final Duration FULFIL_WITHIN = Duration.ofSeconds(10);

    @Test
    void journey_signupSearchCartCheckoutPayShipDeliver() {
        // given: a product an admin created, found by a new shopper through search
        Shopper shopper = stack.newShopper();
        String name = "Journey lamp " + Long.toString(System.nanoTime(), 36);
        Placed placed = stack.placeOrder(shopper, 2999, 1, name);
        awaitSearchable(name, placed.productId());

        // when: paid
        long paidAt = System.nanoTime();
        Response paid = stack.pay(shopper, placed.orderId(), "tok_visa", key());
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);

        // then: within seconds the order is FULFILLING with a shipment summary
        JsonNode order = awaitStatus(shopper, placed.orderId(), "FULFILLING");
        long fulfilMillis = (System.nanoTime() - paidAt) / 1_000_000;
        JsonNode summary = order.path("shipment");
        assertThat(fieldNames(summary)).containsExactlyInAnyOrder("shipmentId", "carrier", "trackingNumber", "status");
        assertThat(summary.path("status").asText()).isEqualTo("LABEL_CREATED");
        assertThat(summary.path("carrier").asText()).isEqualTo("UPS Ground");
        assertThat(TrackingNumbers.isValid(summary.path("trackingNumber").asText())).as("%s", summary).isTrue();

        // and: the shopper sees the shipment and its timeline
        Response shown = shipment(shopper, placed.orderId());
        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        JsonNode shipment = shown.json();
        assertThat(fieldNames(shipment)).containsExactlyInAnyOrder("shipmentId", "orderId", "carrier",
                "trackingNumber", "status", "events");
        assertThat(shipment.path("shipmentId").asText()).isEqualTo(summary.path("shipmentId").asText());
        assertThat(shipment.path("orderId").asText()).isEqualTo(placed.orderId());
        assertThat(shipment.path("trackingNumber").asText()).isEqualTo(summary.path("trackingNumber").asText());
        assertThat(shipment.path("events")).hasSize(1);
        JsonNode labelled = shipment.path("events").get(0);
        assertThat(fieldNames(labelled)).containsExactlyInAnyOrder("status", "location", "at");
        assertThat(labelled.path("status").asText()).isEqualTo("LABEL_CREATED");
        assertThat(labelled.path("location").isNull()).isTrue();
        assertThat(labelled.path("at").asText()).matches(RFC_3339_UTC);
        String shipmentId = shipment.path("shipmentId").asText();

        // when: the carrier scans it
        Response inTransit = scan(shipmentId, object("status", "IN_TRANSIT", "location", "Louisville, KY"));
        assertThat(inTransit.status()).as("%s", inTransit).isEqualTo(200);
        assertThat(inTransit.json().path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(orderStatus(shopper, placed.orderId())).isEqualTo("SHIPPED");
        assertThat(stack.getOrder(shopper, placed.orderId()).json().path("shipment").path("status").asText())
                .isEqualTo("IN_TRANSIT");
        assertThat(scan(shipmentId, object("status", "OUT_FOR_DELIVERY", "location", "Arlington, VA")).status())
                .isEqualTo(200);
        assertThat(orderStatus(shopper, placed.orderId())).isEqualTo("SHIPPED");
        Response delivered = scan(shipmentId, object("status", "DELIVERED"));

        // then: delivered, with the whole timeline
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
        assertThat(orderStatus(shopper, placed.orderId())).isEqualTo("DELIVERED");
        JsonNode timeline = shipment(shopper, placed.orderId()).json();
        assertThat(timeline).isEqualTo(delivered.json());
        List<String> statuses = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        timeline.path("events").forEach(e -> {
            statuses.add(e.path("status").asText());
            locations.add(e.path("location").isNull() ? null : e.path("location").asText());
        });
        assertThat(statuses).containsExactly("LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(locations).containsExactly(null, "Louisville, KY", "Arlington, VA", null);

        // and: a delivered order can be neither cancelled nor scanned again
        assertThat(assertProblem(stack.http().post("/orders/" + placed.orderId() + "/cancel", object(),
                "Authorization", shopper.authorization()), 409).path("type").asText()).endsWith("/order-not-cancellable");
        assertThat(assertProblem(scan(shipmentId, object("status", "EXCEPTION")), 409).path("type").asText())
                .endsWith("/transition-not-allowed");
        System.out.printf("[journey] paid -> FULFILLING in %d ms%n", fulfilMillis);
    }

    @Test
    void shipmentStateMachine_shouldRefuseWhatTheContractDoesNotAllow_andRecoverFromExceptions() {
        Shopper shopper = stack.newShopper();
        String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();

        // not allowed from LABEL_CREATED: 409, nothing recorded
        for (String status : List.of("LABEL_CREATED", "OUT_FOR_DELIVERY", "DELIVERED")) {
            JsonNode problem = assertProblem(scan(shipmentId, object("status", status)), 409);
            assertThat(problem.path("type").asText()).endsWith("/transition-not-allowed");
            assertThat(problem.path("detail").asText()).contains("IN_TRANSIT", "EXCEPTION");
        }
        // an exception before the parcel moved keeps the order FULFILLING; back in transit ships it
        assertThat(scan(shipmentId, object("status", "EXCEPTION", "location", "Label unreadable")).status())
                .isEqualTo(200);
        assertThat(stack.storedShipment(shipmentId).get("status").s()).isEqualTo("EXCEPTION");
        assertThat(assertProblem(scan(shipmentId, object("status", "DELIVERED")), 409).path("type").asText())
                .endsWith("/transition-not-allowed");
        assertThat(scan(shipmentId, object("status", "IN_TRANSIT")).status()).isEqualTo(200);
        assertThat(assertProblem(scan(shipmentId, object("status", "IN_TRANSIT")), 409).path("type").asText())
                .endsWith("/transition-not-allowed");
        assertThat(scan(shipmentId, object("status", "EXCEPTION", "location", "Weather delay")).status()).isEqualTo(200);
        assertThat(scan(shipmentId, object("status", "IN_TRANSIT")).status()).isEqualTo(200);
        assertThat(stack.storedShipment(shipmentId).get("events").l()).extracting(e -> e.m().get("status").s())
                .containsExactly("LABEL_CREATED", "EXCEPTION", "IN_TRANSIT", "EXCEPTION", "IN_TRANSIT");
    }

    @Test
    void scan_shouldAnswer4xxProblems_forEveryBadInput_andRecordNothing() {
        Shopper shopper = stack.newShopper();
        String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();
        String path = "/admin/shipments/" + shipmentId + "/events";

        record Bad(String body, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad("{\"status\": \"IN_TRANSIT\"", 400, null),
                new Bad("[]", 400, null),
                new Bad("{}", 400, "status"),
                new Bad("{\"status\": null}", 400, "status"),
                new Bad("{\"status\": 5}", 400, "status"),
                new Bad("{\"status\": \"in_transit\"}", 400, "status"),
                new Bad("{\"status\": \"LOST\"}", 400, "status"),
                new Bad("{\"status\": \"IN_TRANSIT\", \"carrierCode\": \"X\"}", 400, "carrierCode"),
                new Bad("{\"status\": \"IN_TRANSIT\", \"location\": \"\"}", 400, "location"),
                new Bad("{\"status\": \"IN_TRANSIT\", \"location\": \"" + "x".repeat(201) + "\"}", 400, "location"),
                new Bad("{\"status\": \"IN_TRANSIT\", \"location\": \"a\\u0000b\"}", 400, "location"),
                new Bad("{\"status\": \"IN_TRANSIT\", \"location\": 12}", 400, "location"),
                new Bad("{\"status\": [\"IN_TRANSIT\"]}", 400, "status"));
        for (Bad b : bad) {
            Response answer = stack.http().post(path, b.body(), "Authorization", stack.admin());
            JsonNode problem = assertProblem(answer, b.status());
            if (b.field() != null) {
                assertThat(errorFields(problem)).as("%s", b.body()).contains(b.field());
            }
        }
        // wrong content type, no token, a shopper's token, a shopper's token elevated to admin, an unknown shipment
        HttpRequest textPlain = stack.http().request(path).header("Content-Type", "text/plain")
                .header("Authorization", stack.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_TRANSIT\"}")).build();
        assertProblem(stack.http().send(textPlain), 415);
        assertProblem(stack.http().post(path, object("status", "IN_TRANSIT")), 401);
        assertProblem(stack.http().post(path, object("status", "IN_TRANSIT"), "Authorization",
                shopper.authorization()), 403);
        assertProblem(stack.http().post(path, object("status", "IN_TRANSIT"), "Authorization",
                "Bearer " + AccessTokens.withPayloadChanged(shopper.authorization().substring(7))), 401);
        assertThat(assertProblem(scan("01UNKNOWNSHIPMENT000000000", object("status", "IN_TRANSIT")), 404)
                .path("type").asText()).endsWith("/shipment-not-found");
        assertProblem(scan("x".repeat(3000), object("status", "IN_TRANSIT")), 404);
        assertProblem(scan("%C3%A9".repeat(700), object("status", "IN_TRANSIT")), 404);

        // nothing was recorded
        assertThat(stack.storedShipment(shipmentId).get("events").l()).hasSize(1);
        assertThat(orderStatus(shopper, stack.storedShipment(shipmentId).get("orderId").s())).isEqualTo("FULFILLING");
    }

    @Test
    void shipment_shouldBeVisibleToItsOwnerOnly_andOnlyOnceItExists() {
        Shopper owner = stack.newShopper();
        Shopper other = stack.newShopper();
        JsonNode summary = paidAndShipped(owner);
        String orderId = stack.storedShipment(summary.path("shipmentId").asText()).get("orderId").s();
        Placed unpaid = stack.placeOrder(owner, 1500, 1);

        assertThat(shipment(owner, orderId).status()).isEqualTo(200);
        assertThat(assertProblem(shipment(other, orderId), 404).path("type").asText()).endsWith("/shipment-not-found");
        assertProblem(shipment(owner, unpaid.orderId()), 404);
        assertProblem(shipment(owner, "01UNKNOWNORDER000000000000"), 404);
        assertProblem(shipment(owner, "x".repeat(3000)), 404);
        assertProblem(stack.getOrder(owner, "x".repeat(3000)), 404);
        assertProblem(stack.http().get("/orders/" + orderId + "/shipment"), 401);
        assertProblem(stack.http().get("/orders/" + orderId + "/shipment", "Authorization",
                "Bearer " + AccessTokens.withPayloadChanged(owner.authorization().substring(7))), 401);
        // the other shopper's order read through the orders route is 404 too (no shipment leaks there)
        assertProblem(stack.getOrder(other, orderId), 404);
    }

    @Test
    void duplicateStreamDelivery_shouldCreateOneShipment() throws Exception {
        Shopper shopper = stack.newShopper();
        JsonNode summary = paidAndShipped(shopper);
        String orderId = stack.storedShipment(summary.path("shipmentId").asText()).get("orderId").s();
        byte[] record = ("{\"Records\":[{\"eventName\":\"MODIFY\",\"dynamodb\":{\"Keys\":{\"orderId\":{\"S\":\""
                + orderId + "\"}},\"NewImage\":{\"orderId\":{\"S\":\"" + orderId + "\"},\"status\":{\"S\":\"PAID\"}}}}]}")
                .getBytes(StandardCharsets.UTF_8);

        // when: the same record is delivered again, several times at once
        List<Callable<Object>> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deliveries.add(() -> new String(stack.storefront().invoke("ShipmentCreatorFunction", record),
                    StandardCharsets.UTF_8));
        }
        List<Object> results = together(deliveries);

        // then: nothing new
        assertThat(results).allSatisfy(r -> assertThat((String) r).isEqualTo("{\"created\":0}"));
        assertThat(stack.shipmentsOf(orderId)).hasSize(1);
        assertThat(orderStatus(shopper, orderId)).isEqualTo("FULFILLING");
    }

    @Test
    void racingScans_shouldRecordOne() throws Exception {
        Shopper shopper = stack.newShopper();
        String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();
        List<Callable<Object>> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpRequest request = stack.http().jsonPost("/admin/shipments/" + shipmentId + "/events",
                    object("status", "IN_TRANSIT", "location", "Hub " + i), "Authorization", stack.admin());
            scans.add(() -> stack.http().send(request));
        }

        List<Integer> statuses = together(scans).stream().map(r -> ((Response) r).status()).toList();

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        assertThat(stack.storedShipment(shipmentId).get("events").l()).hasSize(2);
    }

    @Test
    void cancelRacingTheFirstScan_shouldEndCancelledAndRefunded_orShipped_neverBoth() throws Exception {
        int cancelled = 0;
        int shipped = 0;
        for (int race = 0; race < 4; race++) {
            Shopper shopper = stack.newShopper();
            String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();
            String orderId = stack.storedShipment(shipmentId).get("orderId").s();
            HttpRequest cancel = stack.http().jsonPost("/orders/" + orderId + "/cancel", object(), "Authorization",
                    shopper.authorization());
            HttpRequest scan = stack.http().jsonPost("/admin/shipments/" + shipmentId + "/events",
                    object("status", "IN_TRANSIT"), "Authorization", stack.admin());

            List<Object> answers = together(List.of(() -> stack.http().send(cancel), () -> stack.http().send(scan)));

            int cancelStatus = ((Response) answers.get(0)).status();
            int scanStatus = ((Response) answers.get(1)).status();
            String status = stack.storedOrder(orderId).get("status").s();
            if (status.equals("CANCELLED")) {
                cancelled++;
                assertThat(cancelStatus).as("race %d", race).isEqualTo(200);
                assertThat(scanStatus).as("race %d", race).isEqualTo(409);
                assertThat(stack.storedShipment(shipmentId).get("status").s()).isEqualTo("LABEL_CREATED");
                assertThat(stack.storedPayments(orderId)).singleElement()
                        .satisfies(p -> assertThat(p.get("status").s()).isEqualTo("REFUNDED"));
            } else {
                shipped++;
                assertThat(status).as("race %d", race).isEqualTo("SHIPPED");
                assertThat(scanStatus).as("race %d", race).isEqualTo(200);
                assertThat(cancelStatus).as("race %d", race).isEqualTo(409);
                assertThat(stack.storedPayments(orderId)).singleElement()
                        .satisfies(p -> assertThat(p.get("status").s()).isEqualTo("CAPTURED"));
            }
        }
        System.out.printf("[cancel vs scan] cancelled %d, shipped %d%n", cancelled, shipped);
        assertThat(cancelled + shipped).isEqualTo(4);
    }

    @Test
    void cancelledFulfillingOrder_shouldRefuseScans() {
        Shopper shopper = stack.newShopper();
        String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();
        String orderId = stack.storedShipment(shipmentId).get("orderId").s();

        Response cancelled = stack.http().post("/orders/" + orderId + "/cancel", object(), "Authorization",
                shopper.authorization());
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("payment").path("status").asText()).isEqualTo("REFUNDED");

        assertThat(assertProblem(scan(shipmentId, object("status", "IN_TRANSIT")), 409).path("type").asText())
                .endsWith("/order-not-shippable");
        assertThat(stack.storedShipment(shipmentId).get("status").s()).isEqualTo("LABEL_CREATED");
    }

    @Test
    void scan_shouldHonourIdempotencyKey() {
        Shopper shopper = stack.newShopper();
        String shipmentId = paidAndShipped(shopper).path("shipmentId").asText();
        String idempotencyKey = key();

        Response first = stack.http().post("/admin/shipments/" + shipmentId + "/events",
                object("status", "IN_TRANSIT"), "Authorization", stack.admin(), "Idempotency-Key", idempotencyKey);
        Response again = stack.http().post("/admin/shipments/" + shipmentId + "/events",
                object("status", "IN_TRANSIT"), "Authorization", stack.admin(), "Idempotency-Key", idempotencyKey);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(stack.storedShipment(shipmentId).get("events").l()).hasSize(2);
    }

    /** Places and pays an order of a new product; returns the order's shipment summary once created. */
    private static JsonNode paidAndShipped(Shopper shopper) {
        Placed placed = stack.placeOrder(shopper, 1999, 1);
        Response paid = stack.pay(shopper, placed.orderId(), "tok_visa", key());
        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        return awaitStatus(shopper, placed.orderId(), "FULFILLING").path("shipment");
    }

    private static JsonNode awaitStatus(Shopper shopper, String orderId, String status) {
        JsonNode order = await(FULFIL_WITHIN, () -> stack.getOrder(shopper, orderId).json(),
                read -> read.path("status").asText().equals(status));
        assertThat(order.path("status").asText()).as("order %s within %s", orderId, FULFIL_WITHIN).isEqualTo(status);
        return order;
    }

    private static void awaitSearchable(String name, String productId) {
        Response found = await(FULFIL_WITHIN, () -> stack.http().get("/products" + Http.query("q", name)),
                answer -> productIds(answer.json()).contains(productId));
        assertThat(productIds(found.json())).as("product %s searchable", productId).contains(productId);
    }

    private static String orderStatus(Shopper shopper, String orderId) {
        return stack.getOrder(shopper, orderId).json().path("status").asText();
    }

    private static Response shipment(Shopper shopper, String orderId) {
        return stack.http().get("/orders/" + orderId + "/shipment", "Authorization", shopper.authorization());
    }

    private static Response scan(String shipmentId, Object body) {
        return stack.http().post("/admin/shipments/" + shipmentId + "/events", body, "Authorization", stack.admin());
    }
}
