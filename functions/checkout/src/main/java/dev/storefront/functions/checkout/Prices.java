package dev.storefront.functions.checkout;

import dev.storefront.domain.Money;

/** Money on the wire: integer minor units and the currency. */
record Prices(long amount, String currency) {

    static Prices of(Money money) {
        return new Prices(money.amount(), money.currency());
    }
}
