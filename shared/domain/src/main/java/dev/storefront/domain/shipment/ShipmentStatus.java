package dev.storefront.domain.shipment;

import dev.storefront.domain.order.OrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shipment state machine of the contract, in one place:
 *
 * <pre>
 * LABEL_CREATED -> IN_TRANSIT -> OUT_FOR_DELIVERY -> DELIVERED
 * LABEL_CREATED | IN_TRANSIT | OUT_FOR_DELIVERY -> EXCEPTION -> IN_TRANSIT
 * </pre>
 *
 * and what each step does to the order: {@code IN_TRANSIT} ships it ({@code FULFILLING -> SHIPPED}),
 * {@code DELIVERED} delivers it ({@code SHIPPED -> DELIVERED}); the others leave its status alone.
 */
public enum ShipmentStatus {
    LABEL_CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> NEXT = new EnumMap<>(ShipmentStatus.class);

    static {
        NEXT.put(LABEL_CREATED, EnumSet.of(IN_TRANSIT, EXCEPTION));
        NEXT.put(IN_TRANSIT, EnumSet.of(OUT_FOR_DELIVERY, EXCEPTION));
        NEXT.put(OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, EXCEPTION));
        NEXT.put(EXCEPTION, EnumSet.of(IN_TRANSIT));
        NEXT.put(DELIVERED, EnumSet.noneOf(ShipmentStatus.class));
    }

    public boolean canMoveTo(ShipmentStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** The statuses this one may move to (for error messages). */
    public Set<ShipmentStatus> next() {
        Set<ShipmentStatus> next = EnumSet.noneOf(ShipmentStatus.class);
        next.addAll(NEXT.get(this));
        return next;
    }

    /**
     * The order status after this shipment status is recorded on an order in {@code current}: empty when the
     * order keeps its status.
     */
    public Optional<OrderStatus> orderStatusFrom(OrderStatus current) {
        if (this == IN_TRANSIT && current == OrderStatus.FULFILLING) {
            return Optional.of(OrderStatus.SHIPPED);
        }
        if (this == DELIVERED && current == OrderStatus.SHIPPED) {
            return Optional.of(OrderStatus.DELIVERED);
        }
        return Optional.empty();
    }

    /** The name as the contract spells it, or empty for anything else (null included). */
    public static Optional<ShipmentStatus> fromWireName(String name) {
        for (ShipmentStatus status : values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
