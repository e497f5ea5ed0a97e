package dev.storefront.domain.order;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.Money;
import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartRepository;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.checkout.PricedLine;
import dev.storefront.domain.checkout.Pricing;
import dev.storefront.domain.checkout.Quote;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingAddressRules;
import dev.storefront.domain.checkout.ShippingMethod;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Quotes, checkout and the shopper's orders.
 *
 * <p>Checkout prices the cart at the catalog's current prices on the server, then writes everything in one
 * transaction ({@link OrderRepository#place}): each line's stock decremented on condition that enough is
 * available, the order, and the emptied cart (on condition that it is still the cart that was priced). When a
 * line is short nothing is written and the 409 names every short line. Unpaid orders hold their stock until
 * {@code reservation} has passed; then they read as {@code EXPIRED} and {@link #expireDue} returns the stock.
 */
public final class CheckoutService {

    /** Reads of an order a cancel makes when the order's status changes under it (it only moves forward). */
    static final int CANCEL_ATTEMPTS = 4;

    /** Attempts of a checkout whose cart changed between pricing and placing. */
    static final int MAX_ATTEMPTS = 3;

    private final CartRepository carts;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final Pricing pricing;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration reservation;
    private final OrderRefunds refunds;

    public CheckoutService(CartRepository carts, ProductRepository products, OrderRepository orders, Pricing pricing,
            IdGenerator ids, Clock clock, Duration reservation) {
        this(carts, products, orders, pricing, ids, clock, reservation, OrderRefunds.none());
    }

    /** @param refunds refunds a paid order that is cancelled */
    public CheckoutService(CartRepository carts, ProductRepository products, OrderRepository orders, Pricing pricing,
            IdGenerator ids, Clock clock, Duration reservation, OrderRefunds refunds) {
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (reservation.isNegative() || reservation.isZero()) {
            throw new IllegalArgumentException("the reservation time must be positive");
        }
        this.reservation = reservation;
    }

    /**
     * What the cart would cost delivered to {@code address} by {@code method}, with every shipping option. No
     * side effects.
     */
    public Quote quote(String userId, ShippingAddress address, String method) {
        Destination destination = destination(address, method);
        Cart cart = nonEmptyCart(userId);
        Priced priced = price(cart, destination);
        return priced.quote();
    }

    /**
     * Places an order for the cart.
     *
     * @throws ValidationException bad address or method, or an empty cart
     * @throws ConflictException {@code out-of-stock} naming every short line; nothing is reserved then
     */
    public Order checkout(String userId, ShippingAddress address, String method) {
        Destination destination = destination(address, method);
        for (int attempt = 1; ; attempt++) {
            Cart cart = nonEmptyCart(userId);
            Priced priced = price(cart, destination);
            List<String> unavailable = priced.unavailable();
            if (!unavailable.isEmpty()) {
                throw outOfStock(cart, unavailable, priced.current());
            }
            Instant now = clock.instant();
            Order order = new Order(ids.next(), userId, OrderStatus.PENDING_PAYMENT, priced.lines(),
                    priced.quote().subtotal(), priced.quote().shipping(), priced.quote().tax(), priced.quote().total(),
                    destination.address(), destination.method(), now, now,
                    now.plus(reservation).truncatedTo(ChronoUnit.SECONDS));
            try {
                orders.place(order, cart.version());
                return order;
            } catch (OrderRepository.OutOfStockException e) {
                // Name every short line, not only those the transaction reported: read the stock again.
                Map<String, Product> now2 = products.findAll(cart.lines().stream().map(Cart.CartLine::productId).toList());
                Set<String> shortLines = new LinkedHashSet<>(e.productIds());
                for (Cart.CartLine line : cart.lines()) {
                    Product product = now2.get(line.productId());
                    if (product == null || product.isArchived() || product.available() < line.quantity()) {
                        shortLines.add(line.productId());
                    }
                }
                throw outOfStock(cart, List.copyOf(shortLines), now2);
            } catch (CartRepository.CartChangedException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConflictException("cart-busy", "The cart changed during checkout; try again.");
                }
            }
        }
    }

    /** One page of the shopper's orders, newest first. */
    public OrderRepository.OrderPage list(String userId, int limit, String after) {
        return orders.listByUser(userId, limit, after);
    }

    /** @throws NotFoundException unknown order, or another shopper's */
    public Order get(String userId, String orderId) {
        return orders.find(orderId).filter(order -> order.userId().equals(userId)).orElseThrow(CheckoutService::notFound);
    }

    /**
     * Cancels an order that has not shipped: its stock returns and, when it was paid, what is left of its
     * payment is refunded in full. The move to {@code CANCELLED} is conditional on the status read (and, for an
     * unpaid order, on its reservation not having expired); the refund follows. Cancelling again a cancelled
     * order whose refund did not complete (the provider was away) completes it.
     *
     * @throws NotFoundException unknown order, or another shopper's
     * @throws ConflictException the order shipped, was delivered, cancelled or expired
     */
    public Order cancel(String userId, String orderId) {
        Order cancelled = null;
        // A paid order may move on to FULFILLING (its shipment created) between reading and cancelling it: that
        // order is still cancellable, so a lost race is read again; one that shipped or expired meanwhile is not.
        for (int attempt = 1; cancelled == null; attempt++) {
            Order order = get(userId, orderId);
            Instant now = clock.instant();
            OrderStatus status = order.statusAt(now);
            if (status == OrderStatus.CANCELLED && owesRefund(order)) {
                refunds.refundRemaining(order.payment().paymentId(), "order cancelled");
                return get(userId, orderId);
            }
            if (status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.PAID
                    && status != OrderStatus.FULFILLING) {
                throw notCancellable(status);
            }
            try {
                cancelled = orders.transition(order, OrderStatus.CANCELLED, now, true,
                        status == OrderStatus.PENDING_PAYMENT ? OrderRepository.Reservation.UNEXPIRED
                                : OrderRepository.Reservation.ANY);
            } catch (OrderRepository.StatusChangedException e) {
                if (attempt >= CANCEL_ATTEMPTS) {
                    throw notCancellable(get(userId, orderId).statusAt(clock.instant()));
                }
            }
        }
        if (owesRefund(cancelled)) {
            refunds.refundRemaining(cancelled.payment().paymentId(), "order cancelled");
            return get(userId, orderId);
        }
        return cancelled;
    }

    private static boolean owesRefund(Order order) {
        return order.payment() != null
                && order.payment().refundedAmount().amount() < order.payment().amount().amount();
    }

    /**
     * Expires unpaid orders whose reservation has passed and returns their stock; each move is conditional
     * on the order still being unpaid and expired, so a payment racing the sweep wins or loses as a whole.
     *
     * @return the number of orders expired
     */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        int expired = 0;
        for (String orderId : orders.findExpired(now, limit)) {
            Optional<Order> order = orders.find(orderId);
            if (order.isEmpty() || order.get().status() != OrderStatus.PENDING_PAYMENT) {
                continue;
            }
            try {
                orders.transition(order.get(), OrderStatus.EXPIRED, now, true, OrderRepository.Reservation.EXPIRED);
                expired++;
            } catch (OrderRepository.StatusChangedException e) {
                // Paid or cancelled in the meantime: nothing to return.
            }
        }
        return expired;
    }

    private record Destination(ShippingAddress address, ShippingMethod method) {
    }

    private record Priced(Quote quote, List<OrderLine> lines, List<String> unavailable, Map<String, Product> current) {
    }

    private static Destination destination(ShippingAddress address, String method) {
        List<FieldError> errors = new ArrayList<>();
        ShippingAddress normalized = null;
        if (address == null) {
            errors.add(new FieldError("shippingAddress", "is required"));
        } else {
            errors.addAll(ShippingAddressRules.check(address));
            if (errors.isEmpty()) {
                normalized = ShippingAddressRules.normalize(address);
            }
        }
        Optional<ShippingMethod> known = method == null ? Optional.empty() : ShippingMethod.fromWireName(method);
        if (known.isEmpty()) {
            errors.add(new FieldError("shippingMethod", method == null ? "is required" : "must be standard or express"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The shipping details are not valid.", errors);
        }
        return new Destination(normalized, known.get());
    }

    private Cart nonEmptyCart(String userId) {
        Cart cart = carts.find(userId).orElseGet(() -> Cart.empty(userId));
        if (cart.isEmpty()) {
            throw new ValidationException("empty-cart", "The cart is empty: add products before checking out.",
                    List.of(new FieldError("cart", "is empty")));
        }
        return cart;
    }

    private Priced price(Cart cart, Destination destination) {
        Map<String, Product> current = products.findAll(cart.lines().stream().map(Cart.CartLine::productId).toList());
        List<OrderLine> lines = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Cart.CartLine line : cart.lines()) {
            Product product = current.get(line.productId());
            if (product == null || product.isArchived()) {
                unavailable.add(line.productId());
                continue;
            }
            Money lineTotal = product.price().times(line.quantity());
            lines.add(new OrderLine(product.productId(), product.sku(), product.name(), product.price(), line.quantity(),
                    lineTotal));
            priced.add(new PricedLine(product.productId(), product.price(), line.quantity(), product.weightGrams()));
        }
        Quote quote = pricing.quote(priced, destination.address(), destination.method());
        return new Priced(quote, lines, unavailable, current);
    }

    private static ConflictException outOfStock(Cart cart, List<String> shortLines, Map<String, Product> current) {
        List<FieldError> errors = new ArrayList<>();
        for (String productId : shortLines) {
            Product product = current.get(productId);
            int wanted = cart.line(productId).map(Cart.CartLine::quantity).orElse(0);
            String message = product == null || product.isArchived() ? "is no longer for sale"
                    : "only " + Math.max(product.available(), 0) + " available, " + wanted + " in the cart";
            errors.add(new FieldError("items[" + productId + "]", message));
        }
        return new ConflictException("out-of-stock", "Some products in the cart are not available in the quantity "
                + "ordered; nothing was reserved.", errors);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("order-not-found", "No such order.");
    }

    private static ConflictException notCancellable(OrderStatus status) {
        return new ConflictException("order-not-cancellable", "The order is " + status
                + " and can no longer be cancelled here.");
    }
}
