package dev.storefront.domain.order;

import static dev.storefront.domain.order.OrderStatus.CANCELLED;
import static dev.storefront.domain.order.OrderStatus.DELIVERED;
import static dev.storefront.domain.order.OrderStatus.EXPIRED;
import static dev.storefront.domain.order.OrderStatus.FULFILLING;
import static dev.storefront.domain.order.OrderStatus.PAID;
import static dev.storefront.domain.order.OrderStatus.PENDING_PAYMENT;
import static dev.storefront.domain.order.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStatusTest {

    /**
     * The transitions of the API contract ("Order states"), written out independently of the enum:
     * PENDING_PAYMENT -> PAID -> FULFILLING -> SHIPPED -> DELIVERED; PENDING_PAYMENT -> CANCELLED | EXPIRED;
     * PAID | FULFILLING -> CANCELLED.
     */
    private static final Map<OrderStatus, Set<OrderStatus>> CONTRACT = Map.of(
            PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED, EXPIRED),
            PAID, EnumSet.of(FULFILLING, CANCELLED),
            FULFILLING, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.of(DELIVERED),
            DELIVERED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class));

    static Stream<Arguments> allowed() {
        List<Arguments> pairs = new ArrayList<>();
        CONTRACT.forEach((from, targets) -> targets.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                if (!CONTRACT.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void contract_shouldCoverEveryStatus_andAllowEightTransitionsOfFortyNinePairs() {
        assertThat(CONTRACT).containsOnlyKeys(OrderStatus.values());
        assertThat(allowed()).hasSize(8);
        assertThat(refused()).hasSize(49 - 8);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowed")
    void canMoveTo_shouldAllow_theTransitionsOfTheContract(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @MethodSource("refused")
    void canMoveTo_shouldRefuse_everyOtherPair_selfIncluded(OrderStatus from, OrderStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void predecessorsOf_shouldName_theStatusesThatLeadToEachStatus() {
        assertThat(OrderStatus.predecessorsOf(PENDING_PAYMENT)).isEmpty();
        assertThat(OrderStatus.predecessorsOf(PAID)).containsExactly(PENDING_PAYMENT);
        assertThat(OrderStatus.predecessorsOf(FULFILLING)).containsExactly(PAID);
        assertThat(OrderStatus.predecessorsOf(SHIPPED)).containsExactly(FULFILLING);
        assertThat(OrderStatus.predecessorsOf(DELIVERED)).containsExactly(SHIPPED);
        assertThat(OrderStatus.predecessorsOf(CANCELLED)).containsExactlyInAnyOrder(PENDING_PAYMENT, PAID, FULFILLING);
        assertThat(OrderStatus.predecessorsOf(EXPIRED)).containsExactly(PENDING_PAYMENT);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void predecessorsOf_shouldBeTheInverseOfCanMoveTo(OrderStatus target) {
        Set<OrderStatus> expected = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus from : OrderStatus.values()) {
            if (from.canMoveTo(target)) {
                expected.add(from);
            }
        }

        assertThat(OrderStatus.predecessorsOf(target)).isEqualTo(expected);
    }

    @Test
    void predecessorsOf_shouldReturnAFreshSet_thatCannotChangeTheStateMachine() {
        OrderStatus.predecessorsOf(PAID).add(SHIPPED);

        assertThat(OrderStatus.predecessorsOf(PAID)).containsExactly(PENDING_PAYMENT);
        assertThat(SHIPPED.canMoveTo(PAID)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void isFinal_shouldHoldExactlyForDeliveredCancelledAndExpired(OrderStatus status) {
        boolean expected = status == DELIVERED || status == CANCELLED || status == EXPIRED;

        assertThat(status.isFinal()).isEqualTo(expected);
        assertThat(status.isFinal()).isEqualTo(CONTRACT.get(status).isEmpty());
    }
}
