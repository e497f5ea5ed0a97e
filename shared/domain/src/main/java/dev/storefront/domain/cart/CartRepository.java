package dev.storefront.domain.cart;

import java.util.Optional;

/** Storage of carts, one per shopper. Every write is conditional on the version read. */
public interface CartRepository {

    Optional<Cart> find(String userId);

    /**
     * Stores {@code cart} with version {@code cart.version() + 1}, on condition that the stored version is
     * still {@code cart.version()} (0: no cart stored).
     *
     * @throws CartChangedException when another write came first
     */
    void save(Cart cart);

    /** Removes the cart, whatever its version. */
    void delete(String userId);

    /** Another write changed the cart since it was read. */
    final class CartChangedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CartChangedException() {
            super("the cart changed concurrently", null, false, false);
        }
    }
}
