package dev.storefront.domain.payment;

import dev.storefront.domain.error.DomainException;

/** HTTP 402: the provider declined the charge; the order stays payable. */
public final class PaymentDeclinedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String declineCode;

    public PaymentDeclinedException(String declineCode) {
        super("payment-declined", "The card was declined (" + declineCode + "); the order can be paid with another card.");
        this.declineCode = declineCode;
    }

    /** The provider's reason, e.g. {@code card_declined} or {@code insufficient_funds}. */
    public String declineCode() {
        return declineCode;
    }
}
