package dev.storefront.local.e2e;

import static dev.storefront.local.e2e.Shop.UNITS;
import static dev.storefront.local.e2e.Shop.assertProblem;
import static dev.storefront.local.e2e.Shop.errorFields;
import static dev.storefront.local.e2e.Shop.pause;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.local.e2e.Http.Response;
import dev.storefront.local.e2e.Shop.Shopper;
import java.time.Duration;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checkout under races of real HTTP requests through the local gateway (up to 4 instances per function, as
 * configured by default), on the shop's shared stack: more buyers than stock, one idempotency key sent many times
 * at once, two tabs checking out one cart. Stock and orders are read straight from the tables, where the outcome
 * of a race is decided. Orders racing their expiry are {@link OrderExpiryE2EIT}.
 */
class CheckoutRaceE2EIT extends SharedStackE2E {

    private static final int BUYERS = 24;
    private static final int SAME_KEY_REQUESTS = 8;

    private static List<Shopper> buyers;
    private static Shopper impatientShopper;

    @BeforeAll
    static void signUpTheBuyers() throws Exception {
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
}
