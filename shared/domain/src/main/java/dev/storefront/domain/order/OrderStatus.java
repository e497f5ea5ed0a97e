package dev.storefront.domain.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine of the contract, in one place:
 *
 * <pre>
 * PENDING_PAYMENT -> PAID -> FULFILLING -> SHIPPED -> DELIVERED
 * PENDING_PAYMENT -> CANCELLED | EXPIRED
 * PAID | FULFILLING -> CANCELLED (refunded)
 * </pre>
 *
 * No other transition exists. Repositories enforce each one with a condition on the stored status, so requests
 * and events arriving late, twice or out of order cannot take an order anywhere else.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, FULFILLING, SHIPPED, DELIVERED, CANCELLED, EXPIRED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED, EXPIRED));
        NEXT.put(PAID, EnumSet.of(FULFILLING, CANCELLED));
        NEXT.put(FULFILLING, EnumSet.of(SHIPPED, CANCELLED));
        NEXT.put(SHIPPED, EnumSet.of(DELIVERED));
        NEXT.put(DELIVERED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(OrderStatus.class));
    }

    public boolean canMoveTo(OrderStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** The statuses from which {@code target} may be reached. */
    public static Set<OrderStatus> predecessorsOf(OrderStatus target) {
        Set<OrderStatus> from = EnumSet.noneOf(OrderStatus.class);
        NEXT.forEach((status, next) -> {
            if (next.contains(target)) {
                from.add(status);
            }
        });
        return from;
    }

    /** No transition leaves this status. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
