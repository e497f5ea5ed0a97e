package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.pause;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.LocalStorefront;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import dev.storefront.local.e2e.Shop.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkout under races of real HTTP requests through the local gateway (up to 4 instances per function, as
 * configured by default): more buyers than stock, one idempotency key sent many times at once, and the expiry
 * of unpaid orders in a second stack whose reservations last {@value #SHORT_RESERVATION_SECONDS} seconds.
 * Stock and orders are read straight from the tables, where the outcome of a race is decided.
 */
class CheckoutRaceE2EIT {

    private static final int BUYERS = 24;
    private static final int SAME_KEY_REQUESTS = 8;
    private static final int SHORT_RESERVATION_SECONDS = 3;

    private static Stack stack;
    private static List<Shopper> buyers;
    private static Shopper impatientShopper;

    @BeforeAll
    static void startStorefront() throws Exception {
        stack = Stack.start(Map.of());
        List<Shopper> shoppers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Shopper>> signups = new ArrayList<>();
            for (int i = 0; i <= BUYERS; i++) {
                signups.add(pool.submit(stack::newShopper));
            }
            for (Future<Shopper> signup : signups) {
                shoppers.add(signup.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        buyers = List.copyOf(shoppers.subList(0, BUYERS));
        impatientShopper = shoppers.get(BUYERS);
    }

    @AfterAll
    static void stopStorefront() {
        if (stack != null) {
            stack.storefront().close();
        }
    }

    @Test
    void checkout_shouldSellExactlyTheStock_whenMoreShoppersThanUnitsCheckOutAtOnce() throws Exception {
        // given: 24 carts holding one unit each of a product with 10 in stock
        String product = stack.createProduct(1999, UNITS, "Limited edition");
        for (Shopper buyer : buyers) {
            assertThat(stack.addItem(buyer, product, 1).status()).isEqualTo(200);
        }
        AtomicInteger lowestStock = new AtomicInteger(UNITS);
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                lowestStock.accumulateAndGet(stack.storedStock(product), Math::min);
                pause(Duration.ofMillis(20));
            }
        }, "stock-watcher");
        watcher.start();

        // when: all check out at once, each with its own key
        List<Response> responses;
        try {
            responses = stack.concurrently(BUYERS,
                    i -> stack.checkoutRequest(buyers.get(i), "race-" + UUID.randomUUID()));
        } finally {
            racing.set(false);
            watcher.join(10_000);
        }

        // then: ten orders, fourteen refusals naming the product
        List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
        List<Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(created).as("orders placed").hasSize(UNITS);
        assertThat(refused).as("checkouts refused").hasSize(BUYERS - UNITS);
        for (Response refusal : refused) {
            JsonNode problem = assertProblem(refusal, 409);
            assertThat(problem.path("type").asText()).endsWith("/out-of-stock");
            assertThat(errorFields(problem)).containsExactly("items[" + product + "]");
        }
        Set<String> createdIds = new HashSet<>();
        for (Response order : created) {
            assertThat(order.json().path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(order.json().path("items").get(0).path("productId").asText()).isEqualTo(product);
            createdIds.add(order.json().path("orderId").asText());
        }

        // and: the stock is exactly used up, and the table holds exactly the ten orders
        assertThat(stack.storedStock(product)).isZero();
        assertThat(lowestStock.get()).as("lowest stock seen during the race").isGreaterThanOrEqualTo(0);
        List<Map<String, AttributeValue>> stored = stack.storedOrdersOf(product);
        assertThat(stored).extracting(item -> item.get("orderId").s()).containsExactlyInAnyOrderElementsOf(createdIds);
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            if (responses.get(i).status() == 201) {
                winners.add(buyers.get(i).userId());
            }
        }
        assertThat(stored).extracting(item -> item.get("userId").s()).containsExactlyInAnyOrderElementsOf(winners);

        // and: the winners' carts are empty, the others still hold their unit
        for (int i = 0; i < BUYERS; i++) {
            JsonNode cart = stack.cart(buyers.get(i)).json();
            int expected = responses.get(i).status() == 201 ? 0 : 1;
            assertThat(cart.path("itemCount").asInt()).as("cart of buyer %d", i).isEqualTo(expected);
        }
    }

    @Test
    void checkout_shouldPlaceOneOrder_whenTheSameKeyAndBodyArriveEightTimesAtOnce() throws Exception {
        // given
        Shopper shopper = impatientShopper;
        String product = stack.createProduct(1500, UNITS, "Limited edition");
        assertThat(stack.addItem(shopper, product, 2).status()).isEqualTo(200);
        String key = "double-click-" + UUID.randomUUID();

        // when
        List<Response> responses = stack.concurrently(SAME_KEY_REQUESTS, i -> stack.checkoutRequest(shopper, key));

        // then: one original; every other answer is its replay or "still in progress"
        List<Response> originals = responses.stream()
                .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()).toList();
        assertThat(originals).as("%s", responses).hasSize(1);
        JsonNode order = originals.get(0).json();
        assertThat(responses).filteredOn(r -> !originals.contains(r)).allSatisfy(r -> {
            if (r.status() == 201) {
                assertThat(r.header("Idempotent-Replayed")).contains("true");
                assertThat(r.json()).isEqualTo(order);
            } else {
                JsonNode problem = assertProblem(r, 409);
                assertThat(problem.path("type").asText()).endsWith("/idempotency-in-progress");
                assertThat(r.header("Retry-After")).isPresent();
            }
        });
        Response later = stack.http().send(stack.checkoutRequest(shopper, key));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).contains("true");
        assertThat(later.json()).isEqualTo(order);

        // and: one order, stock taken once
        JsonNode orders = stack.orders(shopper).json();
        assertThat(orders.path("items")).hasSize(1);
        assertThat(orders.path("items").get(0).path("orderId").asText()).isEqualTo(order.path("orderId").asText());
        assertThat(stack.storedOrdersOf(product)).hasSize(1);
        assertThat(stack.storedStock(product)).isEqualTo(UNITS - 2);
    }

    @Test
    void checkout_shouldPlaceOneOrder_whenTwoTabsCheckOutTheSameCartWithDifferentKeys() throws Exception {
        // given
        Shopper shopper = stack.newShopper();
        String product = stack.createProduct(1200, UNITS, "Limited edition");
        assertThat(stack.addItem(shopper, product, 3).status()).isEqualTo(200);

        // when
        List<Response> responses = stack.concurrently(2,
                i -> stack.checkoutRequest(shopper, "tab-" + i + "-" + UUID.randomUUID()));

        // then: the cart is bought once; the other tab finds it empty
        assertThat(responses).filteredOn(r -> r.status() == 201).as("%s", responses).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(assertProblem(r, 400).path("type").asText()).endsWith("/empty-cart"));
        assertThat(stack.orders(shopper).json().path("items")).hasSize(1);
        assertThat(stack.storedOrdersOf(product)).hasSize(1);
        assertThat(stack.storedStock(product)).isEqualTo(UNITS - 3);
    }

    @Test
    void unpaidOrder_shouldReadAsExpiredAfterItsReservation_andTheSweepShouldReturnItsStockOnce() throws Exception {
        Stack expiring = Stack.start(Map.of("STOREFRONT_RESERVATION_TTL_SECONDS",
                Integer.toString(SHORT_RESERVATION_SECONDS)));
        try {
            // given: an unpaid order holding 2 of 5 units
            Shopper shopper = expiring.newShopper();
            String product = expiring.createProduct(2500, 5, "Limited edition");
            assertThat(expiring.addItem(shopper, product, 2).status()).isEqualTo(200);
            Response placed = expiring.http().send(expiring.checkoutRequest(shopper, "expiry-" + UUID.randomUUID()));
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            JsonNode order = placed.json();
            String orderId = order.path("orderId").asText();
            Instant createdAt = Instant.parse(order.path("createdAt").asText());
            Instant expiresAt = Instant.parse(order.path("expiresAt").asText());
            assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
            assertThat(Duration.between(createdAt, expiresAt)).isBetween(
                    Duration.ofSeconds(SHORT_RESERVATION_SECONDS - 1), Duration.ofSeconds(SHORT_RESERVATION_SECONDS));
            assertThat(expiring.storedStock(product)).isEqualTo(3);

            // when: the reservation time passes (polled: the status must flip exactly at expiresAt)
            String status = awaitExpiry(expiring, shopper, orderId, expiresAt);

            // then: shoppers see EXPIRED before the sweep ran; the stock is still held and cannot be cancelled back
            assertThat(status).isEqualTo("EXPIRED");
            assertThat(expiring.storedOrder(orderId).get("status").s()).as("not swept yet").isEqualTo("PENDING_PAYMENT");
            assertThat(expiring.storedStock(product)).isEqualTo(3);
            JsonNode cancelBeforeSweep = assertProblem(expiring.cancel(shopper, orderId), 409);
            assertThat(cancelBeforeSweep.path("type").asText()).endsWith("/order-not-cancellable");
            assertThat(expiring.storedStock(product)).isEqualTo(3);

            // when: the scheduled sweep runs, twice
            JsonNode firstSweep = sweep(expiring.storefront());
            int stockAfterFirst = expiring.storedStock(product);
            JsonNode secondSweep = sweep(expiring.storefront());

            // then: the stock returned exactly once
            assertThat(firstSweep.path("expired").asInt()).isEqualTo(1);
            assertThat(stockAfterFirst).isEqualTo(5);
            assertThat(secondSweep.path("expired").asInt()).isZero();
            assertThat(expiring.storedStock(product)).isEqualTo(5);
            assertThat(expiring.storedOrder(orderId).get("status").s()).isEqualTo("EXPIRED");
            assertThat(expiring.getOrder(shopper, orderId).json().path("status").asText()).isEqualTo("EXPIRED");
            assertProblem(expiring.cancel(shopper, orderId), 409);
            assertThat(expiring.storedStock(product)).isEqualTo(5);
        } finally {
            expiring.storefront().close();
        }
    }

    /**
     * Reads the order until it shows {@code EXPIRED} (at most 10 s past {@code expiresAt}); checks on every
     * read that the status agrees with the clock: PENDING_PAYMENT only when asked before {@code expiresAt},
     * EXPIRED only when answered after it. Returns the last status read.
     */
    private static String awaitExpiry(Stack stack, Shopper shopper, String orderId, Instant expiresAt) {
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

    private static JsonNode sweep(LocalStorefront storefront) throws Exception {
        return Http.JSON.readTree(storefront.triggerSchedule("OrderExpiryFunction", "EveryMinute"));
    }
}
