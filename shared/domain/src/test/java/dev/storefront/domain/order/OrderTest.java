package dev.storefront.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.domain.Money;
import dev.storefront.domain.checkout.ShippingAddress;
import dev.storefront.domain.checkout.ShippingMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-22T10:15:00Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Analytical Row", null,
            "Springfield", "IL", "62704", "US");
    /** 2 x 19.99 + 1 x 5.00 = 44.98. */
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("lamp", "SKU-LAMP", "Lamp", usd(1999), 2, usd(3998)),
            new OrderLine("bulb", "SKU-BULB", "Bulb", usd(500), 1, usd(500)));

    @Test
    void order_shouldHold_whenTotalIsSubtotalPlusShippingPlusTax_andSubtotalIsTheSumOfTheLines() {
        Order order = order(OrderStatus.PENDING_PAYMENT, LINES, usd(4498), usd(799), usd(384), usd(5681));

        assertThat(order.total()).isEqualTo(order.subtotal().plus(order.shipping()).plus(order.tax()));
        assertThat(order.items()).hasSize(2);
    }

    @Test
    void order_shouldRefuse_aTotalThatIsNotSubtotalPlusShippingPlusTax() {
        assertThatThrownBy(() -> order(OrderStatus.PENDING_PAYMENT, LINES, usd(4498), usd(799), usd(384), usd(5680)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
    }

    @Test
    void order_shouldRefuse_aSubtotalThatIsNotTheSumOfTheLineTotals() {
        assertThatThrownBy(() -> order(OrderStatus.PENDING_PAYMENT, LINES, usd(4497), usd(799), usd(384), usd(5680)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtotal");
    }

    @Test
    void order_shouldRefuse_noLines() {
        assertThatThrownBy(() -> order(OrderStatus.PENDING_PAYMENT, List.of(), usd(0), usd(799), usd(58), usd(857)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one line");
    }

    @Test
    void order_shouldRefuse_amountsInAnotherCurrency() {
        assertThatThrownBy(() -> order(OrderStatus.PENDING_PAYMENT, LINES, usd(4498), Money.of(799, "EUR"), usd(384),
                usd(5681))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    }

    @Test
    void order_shouldKeepItsOwnCopyOfTheLines() {
        List<OrderLine> lines = new ArrayList<>(LINES);
        Order order = order(OrderStatus.PENDING_PAYMENT, lines, usd(4498), usd(799), usd(384), usd(5681));

        lines.clear();

        assertThat(order.items()).hasSize(2);
        assertThatThrownBy(() -> order.items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void orderLine_shouldRefuse_aLineTotalThatIsNotUnitPriceTimesQuantity_orNoUnits() {
        assertThatThrownBy(() -> new OrderLine("lamp", "SKU-LAMP", "Lamp", usd(1999), 2, usd(3999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineTotal");
        assertThatThrownBy(() -> new OrderLine("lamp", "SKU-LAMP", "Lamp", usd(1999), 0, usd(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
    }

    @Test
    void statusAt_shouldBePendingPayment_beforeExpiresAt() {
        Order order = pending();

        assertThat(order.statusAt(CREATED)).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.statusAt(EXPIRES.minusNanos(1))).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void statusAt_shouldBeExpired_atExpiresAtAndAfter_evenBeforeTheSweepRecordedIt() {
        Order order = pending();

        assertThat(order.statusAt(EXPIRES)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.statusAt(EXPIRES.plusSeconds(3600))).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING_PAYMENT", mode = EnumSource.Mode.EXCLUDE)
    void statusAt_shouldBeTheStoredStatus_forAnyOtherStatus_pastExpiresAt(OrderStatus status) {
        Order order = order(status, LINES, usd(4498), usd(799), usd(384), usd(5681));

        assertThat(order.statusAt(EXPIRES.minusSeconds(1))).isEqualTo(status);
        assertThat(order.statusAt(EXPIRES)).isEqualTo(status);
        assertThat(order.statusAt(EXPIRES.plusSeconds(86_400))).isEqualTo(status);
    }

    @Test
    void withStatus_shouldChangeOnlyStatusAndUpdatedAt() {
        Order order = pending();
        Instant later = CREATED.plusSeconds(60);

        Order paid = order.withStatus(OrderStatus.PAID, later);

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.updatedAt()).isEqualTo(later);
        assertThat(paid).usingRecursiveComparison().ignoringFields("status", "updatedAt").isEqualTo(order);
    }

    private static Order pending() {
        return order(OrderStatus.PENDING_PAYMENT, LINES, usd(4498), usd(799), usd(384), usd(5681));
    }

    private static Order order(OrderStatus status, List<OrderLine> lines, Money subtotal, Money shipping, Money tax,
            Money total) {
        return new Order("ORDER-1", "user-1", status, lines, subtotal, shipping, tax, total, ADDRESS,
                ShippingMethod.STANDARD, CREATED, CREATED, EXPIRES);
    }

    private static Money usd(long amount) {
        return Money.of(amount, "USD");
    }
}
