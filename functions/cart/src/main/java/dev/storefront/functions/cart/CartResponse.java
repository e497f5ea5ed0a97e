package dev.storefront.functions.cart;

import dev.storefront.domain.Money;
import dev.storefront.domain.cart.CartView;
import java.util.List;

/** The contract's {@code Cart}. */
record CartResponse(List<Item> items, Price subtotal, int itemCount, String updatedAt) {

    record Item(String productId, String name, Price unitPrice, int quantity, Price lineTotal, int available) {
    }

    /** Money: integer minor units and the currency. */
    record Price(long amount, String currency) {
        static Price of(Money money) {
            return new Price(money.amount(), money.currency());
        }
    }

    static CartResponse of(CartView cart) {
        return new CartResponse(cart.items().stream().map(i -> new Item(i.productId(), i.name(), Price.of(i.unitPrice()),
                i.quantity(), Price.of(i.lineTotal()), i.available())).toList(), Price.of(cart.subtotal()),
                cart.itemCount(), cart.updatedAt() == null ? null : cart.updatedAt().toString());
    }
}
