package dev.storefront.functions.checkout;

import dev.storefront.domain.checkout.Quote;
import java.util.List;

/** The answer to {@code POST /checkout/quote}. */
record QuoteResponse(Prices subtotal, Prices shipping, Prices tax, Prices total, List<Option> shippingOptions) {

    record Option(String method, String carrier, Prices amount, int estimatedDays) {
    }

    static QuoteResponse of(Quote quote) {
        return new QuoteResponse(Prices.of(quote.subtotal()), Prices.of(quote.shipping()), Prices.of(quote.tax()),
                Prices.of(quote.total()), quote.shippingOptions().stream().map(o -> new Option(o.method().wireName(),
                        o.carrier(), Prices.of(o.amount()), o.estimatedDays())).toList());
    }
}
