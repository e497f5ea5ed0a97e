package dev.storefront.domain.shipment;

import static dev.storefront.domain.shipment.ShipmentStatus.DELIVERED;
import static dev.storefront.domain.shipment.ShipmentStatus.EXCEPTION;
import static dev.storefront.domain.shipment.ShipmentStatus.IN_TRANSIT;
import static dev.storefront.domain.shipment.ShipmentStatus.LABEL_CREATED;
import static dev.storefront.domain.shipment.ShipmentStatus.OUT_FOR_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.domain.order.OrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShipmentStatusTest {

    /** The contract's table, written out: every pair not listed is refused. */
    private static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = Map.of(
            LABEL_CREATED, EnumSet.of(IN_TRANSIT, EXCEPTION),
            IN_TRANSIT, EnumSet.of(OUT_FOR_DELIVERY, EXCEPTION),
            OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, EXCEPTION),
            EXCEPTION, EnumSet.of(IN_TRANSIT),
            DELIVERED, EnumSet.noneOf(ShipmentStatus.class));

    @Test
    void canMoveTo_shouldAllowExactlyTheContractsTransitions() {
        for (ShipmentStatus from : ShipmentStatus.values()) {
            for (ShipmentStatus to : ShipmentStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
            assertThat(from.next()).isEqualTo(ALLOWED.get(from));
        }
    }

    @Test
    void orderStatusFrom_shouldShipOnTransitAndDeliverOnDelivery_only() {
        assertThat(IN_TRANSIT.orderStatusFrom(OrderStatus.FULFILLING)).contains(OrderStatus.SHIPPED);
        assertThat(IN_TRANSIT.orderStatusFrom(OrderStatus.SHIPPED)).isEmpty();
        assertThat(DELIVERED.orderStatusFrom(OrderStatus.SHIPPED)).contains(OrderStatus.DELIVERED);
        assertThat(EXCEPTION.orderStatusFrom(OrderStatus.FULFILLING)).isEmpty();
        assertThat(EXCEPTION.orderStatusFrom(OrderStatus.SHIPPED)).isEmpty();
        assertThat(OUT_FOR_DELIVERY.orderStatusFrom(OrderStatus.SHIPPED)).isEmpty();
    }

    @Test
    void fromWireName_shouldAcceptOnlyTheExactNames() {
        assertThat(ShipmentStatus.fromWireName("IN_TRANSIT")).contains(IN_TRANSIT);
        assertThat(ShipmentStatus.fromWireName("in_transit")).isEmpty();
        assertThat(ShipmentStatus.fromWireName("")).isEmpty();
        assertThat(ShipmentStatus.fromWireName(null)).isEmpty();
    }
}
