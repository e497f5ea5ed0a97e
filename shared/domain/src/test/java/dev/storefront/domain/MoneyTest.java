package dev.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void arithmetic_shouldBeExact() {
        assertThat(Money.of(1999, "USD").times(3).plus(Money.of(1, "USD"))).isEqualTo(Money.of(5998, "USD"));
    }

    @Test
    void arithmetic_shouldRefuseOverflowAndMixedCurrencies() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "usd")).isInstanceOf(IllegalArgumentException.class);
    }
}
