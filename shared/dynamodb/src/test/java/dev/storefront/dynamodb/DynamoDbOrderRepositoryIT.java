package dev.storefront.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartRepository.CartChangedException;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderRepository.OrderPage;
import dev.storefront.domain.order.OrderRepository.OutOfStockException;
import dev.storefront.domain.order.OrderRepository.Reservation;
import dev.storefront.domain.order.OrderRepository.StatusChangedException;
import dev.storefront.domain.order.OrderStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbOrderRepositoryIT {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant EXPIRES = CREATED.plus(Duration.ofMinutes(15));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", "Flat 2",
            "Springfield", "IL", "62704", "US");
    private static final SecureRandom RANDOM = new SecureRandom();

    final LocalTables local = tables();

    /** The DynamoDB these tests run against; {@code *LocalStackIT} runs them again on LocalStack. */
    LocalTables tables() {
        return LocalTables.get();
    }
    private final String ordersTable = local.table("OrdersTable");
    private final DynamoDbProductRepository products =
            new DynamoDbProductRepository(local.enhanced, local.table("ProductsTable"));
    private final DynamoDbCartRepository carts = new DynamoDbCartRepository(local.enhanced, local.table("CartsTable"));
    private final DynamoDbOrderRepository repository = new DynamoDbOrderRepository(local.enhanced, ordersTable,
            local.table("ProductsTable"), local.table("CartsTable"));

    @Test
    void place_shouldTakeTheStock_bumpTheProductVersions_storeTheOrder_andDeleteTheCart() {
        // given
        String lamp = product(12);
        String bulb = product(40);
        String user = user();
        long cartVersion = cart(user, Map.of(lamp, 2, bulb, 1));
        Order order = order(user, CREATED, EXPIRES, Map.of(lamp, 2, bulb, 1));

        // when
        repository.place(order, cartVersion);

        // then
        assertThat(repository.find(order.orderId())).contains(order);
        assertThat(stock(lamp)).isEqualTo(10);
        assertThat(stock(bulb)).isEqualTo(39);
        assertThat(products.findById(lamp).orElseThrow().version()).isEqualTo(2);
        assertThat(products.findById(bulb).orElseThrow().version()).isEqualTo(2);
        assertThat(products.findById(lamp).orElseThrow().updatedAt()).isEqualTo(CREATED);
        assertThat(carts.find(user)).isEmpty();
        assertThat(raw(order.orderId())).containsKey("pendingShard");
    }

    @Test
    void place_shouldThrowOutOfStock_namingEveryShortLine_andWriteNothing() {
        // given: two of three lines are short
        String lamp = product(1);
        String bulb = product(5);
        String vase = product(0);
        String user = user();
        Map<String, Integer> wanted = ordered(lamp, 2, bulb, 1, vase, 1);
        long cartVersion = cart(user, wanted);
        Order order = order(user, CREATED, EXPIRES, wanted);
        Map<String, Product> before = products.findAll(List.of(lamp, bulb, vase));
        Cart cartBefore = carts.find(user).orElseThrow();

        // when / then
        assertThatThrownBy(() -> repository.place(order, cartVersion))
                .isInstanceOfSatisfying(OutOfStockException.class,
                        e -> assertThat(e.productIds()).containsExactlyInAnyOrder(lamp, vase));
        assertThat(products.findAll(List.of(lamp, bulb, vase))).isEqualTo(before);
        assertThat(repository.find(order.orderId())).isEmpty();
        assertThat(carts.find(user)).contains(cartBefore);
    }

    @Test
    void place_shouldThrowOutOfStock_forAnArchivedOrMissingProduct_andWriteNothing() {
        String lamp = product(12);
        String archived = product(12);
        archive(archived);
        String missing = "missing-" + UUID.randomUUID();
        String user = user();
        Map<String, Integer> wanted = ordered(lamp, 1, archived, 1, missing, 1);
        long cartVersion = cart(user, wanted);
        Order order = order(user, CREATED, EXPIRES, wanted);

        assertThatThrownBy(() -> repository.place(order, cartVersion))
                .isInstanceOfSatisfying(OutOfStockException.class,
                        e -> assertThat(e.productIds()).containsExactlyInAnyOrder(archived, missing));
        assertThat(stock(lamp)).isEqualTo(12);
        assertThat(products.findById(lamp).orElseThrow().version()).isEqualTo(1);
        assertThat(repository.find(order.orderId())).isEmpty();
        assertThat(carts.find(user)).isPresent();
    }

    @Test
    void place_shouldThrowCartChanged_whenTheCartIsNoLongerAtTheVersionRead_andWriteNothing() {
        // given: the cart was saved again after checkout read it at version 1
        String lamp = product(12);
        String user = user();
        long read = cart(user, Map.of(lamp, 1));
        carts.save(new Cart(user, List.of(new Cart.CartLine(lamp, 2, CREATED)), read, CREATED));
        Cart changed = carts.find(user).orElseThrow();
        Order order = order(user, CREATED, EXPIRES, Map.of(lamp, 1));

        // when / then
        assertThatThrownBy(() -> repository.place(order, read)).isInstanceOf(CartChangedException.class);
        assertThat(stock(lamp)).isEqualTo(12);
        assertThat(products.findById(lamp).orElseThrow().version()).isEqualTo(1);
        assertThat(repository.find(order.orderId())).isEmpty();
        assertThat(carts.find(user)).contains(changed);

        // and when the cart is gone altogether (placed by a concurrent checkout)
        carts.delete(user);
        assertThatThrownBy(() -> repository.place(order, changed.version())).isInstanceOf(CartChangedException.class);
        assertThat(stock(lamp)).isEqualTo(12);
        assertThat(repository.find(order.orderId())).isEmpty();
    }

    @Test
    void listByUser_shouldAnswerNewestFirst_pageByPage_afterTheLastIdOfThePreviousPage() {
        // given: five orders of one shopper a second apart, and one of somebody else
        String lamp = product(100);
        String user = user();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(placed(user, lamp, 1, CREATED.plusSeconds(i), EXPIRES.plusSeconds(i)).orderId());
        }
        placed(user(), lamp, 1, CREATED.plusSeconds(10), EXPIRES);

        // when
        OrderPage first = repository.listByUser(user, 2, null);
        OrderPage second = repository.listByUser(user, 2, first.lastOrderId());
        OrderPage third = repository.listByUser(user, 2, second.lastOrderId());

        // then
        assertThat(first.orders()).extracting(Order::orderId).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.lastOrderId()).isEqualTo(ids.get(3));
        assertThat(second.orders()).extracting(Order::orderId).containsExactly(ids.get(2), ids.get(1));
        assertThat(third.orders()).extracting(Order::orderId).containsExactly(ids.get(0));
        assertThat(third.lastOrderId()).isNull();
        assertThat(first.orders().get(0)).isEqualTo(repository.find(ids.get(4)).orElseThrow());
        assertThat(repository.listByUser(user(), 20, null).orders()).isEmpty();
    }

    @Test
    void listByUser_shouldGiveNoNextPage_whenTheLastPageIsExactlyFull() {
        String lamp = product(100);
        String user = user();
        for (int i = 0; i < 4; i++) {
            placed(user, lamp, 1, CREATED.plusSeconds(i), EXPIRES);
        }

        OrderPage first = repository.listByUser(user, 2, null);
        OrderPage second = repository.listByUser(user, 2, first.lastOrderId());

        assertThat(first.lastOrderId()).isNotNull();
        assertThat(second.orders()).hasSize(2);
        assertThat(second.lastOrderId()).isNull();
        assertThat(repository.listByUser(user, 4, null).lastOrderId()).isNull();
    }

    @Test
    void transition_unexpired_shouldCancelAnUnpaidOrder_returnItsStock_andLeaveTheExpiryIndex() {
        // given
        String lamp = product(12);
        Order order = placed(user(), lamp, 3, CREATED, EXPIRES);
        Instant now = EXPIRES.minusSeconds(1);

        // when
        Order cancelled = repository.transition(order, OrderStatus.CANCELLED, now, true, Reservation.UNEXPIRED);

        // then
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        Order stored = repository.find(order.orderId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.updatedAt()).isEqualTo(now);
        assertThat(stock(lamp)).isEqualTo(12);
        assertThat(products.findById(lamp).orElseThrow().version()).isEqualTo(3);
        assertThat(raw(order.orderId())).doesNotContainKey("pendingShard");
    }

    @Test
    void transition_unexpired_shouldRefuse_fromTheExpiryInstantOn_andChangeNothing() {
        String lamp = product(12);
        Order order = placed(user(), lamp, 3, CREATED, EXPIRES);

        assertThatThrownBy(() -> repository.transition(order, OrderStatus.CANCELLED, EXPIRES, true,
                Reservation.UNEXPIRED)).isInstanceOf(StatusChangedException.class);
        assertThatThrownBy(() -> repository.transition(order, OrderStatus.PAID, EXPIRES.plusSeconds(60), false,
                Reservation.UNEXPIRED)).isInstanceOf(StatusChangedException.class);
        assertThat(repository.find(order.orderId())).contains(order);
        assertThat(stock(lamp)).isEqualTo(9);
    }

    @Test
    void transition_expired_shouldRefuseBeforeTheExpiryInstant_andExpireFromItOn_returningTheStock() {
        // given
        String lamp = product(12);
        Order order = placed(user(), lamp, 3, CREATED, EXPIRES);

        // when / then: one second early, refused
        assertThatThrownBy(() -> repository.transition(order, OrderStatus.EXPIRED, EXPIRES.minusSeconds(1), true,
                Reservation.EXPIRED)).isInstanceOf(StatusChangedException.class);
        assertThat(stock(lamp)).isEqualTo(9);

        // at the instant itself, expired
        Order expired = repository.transition(order, OrderStatus.EXPIRED, EXPIRES, true, Reservation.EXPIRED);
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(repository.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(stock(lamp)).isEqualTo(12);
        assertThat(raw(order.orderId())).doesNotContainKey("pendingShard");
    }

    @Test
    void transition_any_shouldIgnoreTheReservation() {
        String lamp = product(12);
        Order order = placed(user(), lamp, 3, CREATED, EXPIRES);

        Order paid = repository.transition(order, OrderStatus.PAID, EXPIRES.plusSeconds(3600), false, Reservation.ANY);

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(repository.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(stock(lamp)).isEqualTo(9);
        assertThat(raw(order.orderId())).doesNotContainKey("pendingShard");
    }

    @Test
    void transition_shouldThrowStatusChanged_whenTheStoredStatusIsNoLongerTheOrdersStatus_andReturnNoStock() {
        // given: paid meanwhile
        String lamp = product(12);
        Order order = placed(user(), lamp, 3, CREATED, EXPIRES);
        repository.transition(order, OrderStatus.PAID, CREATED.plusSeconds(60), false, Reservation.UNEXPIRED);

        // when / then: a cancel and an expiry sweep working from the stale copy
        assertThatThrownBy(() -> repository.transition(order, OrderStatus.CANCELLED, CREATED.plusSeconds(61), true,
                Reservation.UNEXPIRED)).isInstanceOf(StatusChangedException.class);
        assertThatThrownBy(() -> repository.transition(order, OrderStatus.EXPIRED, EXPIRES, true,
                Reservation.EXPIRED)).isInstanceOf(StatusChangedException.class);
        assertThat(repository.find(order.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(stock(lamp)).isEqualTo(9);
    }

    @Test
    void transition_shouldRefuse_aMoveTheContractDoesNotAllow() {
        String lamp = product(12);
        Order order = placed(user(), lamp, 1, CREATED, EXPIRES);

        assertThatThrownBy(() -> repository.transition(order, OrderStatus.SHIPPED, CREATED, false, Reservation.ANY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.find(order.orderId())).contains(order);
    }

    @Test
    void findExpired_shouldAnswerDueUnpaidOrdersOnly_andForgetAnOrderOnceItIsCancelled() {
        // given: orders of their own era (1990), so those of the other tests are never due at these instants
        Instant era = Instant.parse("1990-01-01T00:00:00Z");
        String lamp = product(100);
        Order due = placed(user(), lamp, 1, era, era.plusSeconds(600));
        Order dueAtTheInstant = placed(user(), lamp, 1, era, era.plusSeconds(1800));
        Order notDue = placed(user(), lamp, 1, era, era.plusSeconds(1801));
        Order paid = placed(user(), lamp, 1, era, era.plusSeconds(300));
        repository.transition(paid, OrderStatus.PAID, era.plusSeconds(1), false, Reservation.UNEXPIRED);
        Order toCancel = placed(user(), lamp, 1, era, era.plusSeconds(900));
        Instant now = era.plusSeconds(1800);

        // when / then
        assertThat(repository.findExpired(now, 100))
                .containsExactlyInAnyOrder(due.orderId(), dueAtTheInstant.orderId(), toCancel.orderId());
        assertThat(repository.findExpired(now, 1)).hasSize(1);

        repository.transition(toCancel, OrderStatus.CANCELLED, era.plusSeconds(2), true, Reservation.UNEXPIRED);
        assertThat(repository.findExpired(now, 100)).containsExactlyInAnyOrder(due.orderId(), dueAtTheInstant.orderId());
        assertThat(repository.findExpired(now.plusSeconds(1), 100))
                .containsExactlyInAnyOrder(due.orderId(), dueAtTheInstant.orderId(), notDue.orderId());
    }

    @Test
    void place_shouldSellExactlyTheStock_whenTwentyShoppersRaceForSevenUnits() throws Exception {
        // given: 20 shoppers with one unit each in their cart
        String hot = product(7);
        List<String> users = new ArrayList<>();
        List<Long> cartVersions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = user();
            users.add(user);
            cartVersions.add(cart(user, Map.of(hot, 1)));
        }
        AtomicInteger next = new AtomicInteger();

        // when
        List<Object> results = Race.run(20, () -> {
            int i = next.getAndIncrement();
            Order order = order(users.get(i), CREATED, EXPIRES, Map.of(hot, 1));
            repository.place(order, cartVersions.get(i));
            return order;
        });

        // then
        List<Order> placed = results.stream().filter(Order.class::isInstance).map(Order.class::cast).toList();
        assertThat(placed).hasSize(7);
        assertThat(results).filteredOn(OutOfStockException.class::isInstance).hasSize(13)
                .allSatisfy(e -> assertThat(((OutOfStockException) e).productIds()).containsExactly(hot));
        assertThat(stock(hot)).isZero();
        assertThat(products.findById(hot).orElseThrow().version()).isEqualTo(1 + 7);
        assertThat(placed).allSatisfy(order -> {
            assertThat(repository.find(order.orderId())).contains(order);
            assertThat(carts.find(order.userId())).isEmpty();
        });
        assertThat(users.stream().filter(user -> carts.find(user).isPresent())).hasSize(13);
    }

    /** A new active product at version 1 with {@code available} units, priced 19.99. */
    private String product(int available) {
        String id = "p-" + UUID.randomUUID();
        products.create(new Product(id, "SKU-" + UUID.randomUUID(), "Desk lamp", "", "Lighting", "Lumen",
                Money.of(1999, "USD"), available, 850, List.of(), Map.of(), ProductStatus.ACTIVE, CREATED, CREATED, 1));
        return id;
    }

    private void archive(String productId) {
        Product p = products.findById(productId).orElseThrow();
        products.replace(new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(), p.brand(),
                p.price(), p.available(), p.weightGrams(), p.images(), p.attributes(), ProductStatus.ARCHIVED,
                p.createdAt(), p.updatedAt(), p.version() + 1), p.version());
    }

    private int stock(String productId) {
        return products.findById(productId).orElseThrow().available();
    }

    /** Stores a cart of these lines; returns its version. */
    private long cart(String user, Map<String, Integer> lines) {
        List<Cart.CartLine> cartLines = new ArrayList<>();
        lines.forEach((productId, quantity) -> cartLines.add(new Cart.CartLine(productId, quantity, CREATED)));
        carts.save(new Cart(user, cartLines, 0, CREATED));
        return carts.find(user).orElseThrow().version();
    }

    /** An order placed through a cart of one line. */
    private Order placed(String user, String productId, int quantity, Instant createdAt, Instant expiresAt) {
        long version = cart(user, Map.of(productId, quantity));
        Order order = order(user, createdAt, expiresAt, Map.of(productId, quantity));
        repository.place(order, version);
        return order;
    }

    /** An unpaid order with an id of its creation time (ids sort by creation), each unit at 19.99. */
    private static Order order(String user, Instant createdAt, Instant expiresAt, Map<String, Integer> lines) {
        List<OrderLine> items = new ArrayList<>();
        Money subtotal = Money.zero("USD");
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            Money lineTotal = Money.of(1999, "USD").times(line.getValue());
            items.add(new OrderLine(line.getKey(), "SKU", "Desk lamp", Money.of(1999, "USD"), line.getValue(),
                    lineTotal));
            subtotal = subtotal.plus(lineTotal);
        }
        Money shipping = Money.of(799, "USD");
        Money tax = Money.of(123, "USD");
        String id = new IdGenerator(Clock.fixed(createdAt, ZoneOffset.UTC), RANDOM).next();
        return new Order(id, user, OrderStatus.PENDING_PAYMENT, items, subtotal, shipping, tax,
                subtotal.plus(shipping).plus(tax), ADDRESS, ShippingMethod.EXPRESS, createdAt, createdAt, expiresAt);
    }

    private static Map<String, Integer> ordered(String a, int qa, String b, int qb, String c, int qc) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(a, qa);
        lines.put(b, qb);
        lines.put(c, qc);
        return lines;
    }

    private Map<String, AttributeValue> raw(String orderId) {
        return local.client.getItem(b -> b.tableName(ordersTable).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }
}
