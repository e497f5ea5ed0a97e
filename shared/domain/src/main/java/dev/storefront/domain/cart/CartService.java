package dev.storefront.domain.cart;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.catalog.ProductRules;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The shopper's cart: read, add, change, remove, empty. Each change reads the cart, applies itself and saves
 * on condition that nobody saved in between; when somebody did (another tab), it reads again and re-applies,
 * so concurrent changes never lose each other's lines.
 */
public final class CartService {

    /** Attempts of one change under contention before giving up with a conflict. */
    static final int MAX_ATTEMPTS = 10;

    private final CartRepository carts;
    private final ProductRepository products;
    private final Clock clock;
    private final String currency;

    public CartService(CartRepository carts, ProductRepository products, Clock clock, String currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** The cart, priced; an empty cart when the shopper has none. */
    public CartView get(String userId) {
        return view(carts.find(userId).orElseGet(() -> Cart.empty(userId)));
    }

    /**
     * Adds {@code quantity} units of an active product (to its line when there is one).
     *
     * @throws ValidationException quantity outside 1-99, a line above 99, or a cart of {@value Cart#MAX_LINES}
     *     products already
     * @throws NotFoundException unknown or archived product
     */
    public CartView add(String userId, String productId, int quantity) {
        if (quantity < 1 || quantity > Cart.MAX_QUANTITY) {
            throw invalid("quantity", "must be a whole number from 1 to " + Cart.MAX_QUANTITY);
        }
        Product product = activeProduct(productId);
        return change(userId, cart -> {
            int current = cart.line(productId).map(Cart.CartLine::quantity).orElse(0);
            if (current == 0 && cart.lines().size() >= Cart.MAX_LINES) {
                throw invalid("productId", "a cart holds at most " + Cart.MAX_LINES + " different products");
            }
            if (current + quantity > Cart.MAX_QUANTITY) {
                throw invalid("quantity", "a line holds at most " + Cart.MAX_QUANTITY + " units; the cart has "
                        + current + " of this product");
            }
            return cart.withQuantity(product.productId(), current + quantity, clock.instant());
        });
    }

    /**
     * Sets a line's quantity; 0 removes it.
     *
     * @throws ValidationException quantity outside 0-99
     * @throws NotFoundException the product is not in the cart
     */
    public CartView setQuantity(String userId, String productId, int quantity) {
        if (quantity < 0 || quantity > Cart.MAX_QUANTITY) {
            throw invalid("quantity", "must be a whole number from 0 to " + Cart.MAX_QUANTITY);
        }
        return change(userId, cart -> {
            requireLine(cart, productId);
            return cart.withQuantity(productId, quantity, clock.instant());
        });
    }

    /** @throws NotFoundException the product is not in the cart */
    public CartView remove(String userId, String productId) {
        return change(userId, cart -> {
            requireLine(cart, productId);
            return cart.withQuantity(productId, 0, clock.instant());
        });
    }

    /** Empties the cart (nothing happens when there is none). */
    public void clear(String userId) {
        carts.delete(userId);
    }

    private CartView change(String userId, UnaryOperator<Cart> change) {
        for (int attempt = 1; ; attempt++) {
            Cart current = carts.find(userId).orElseGet(() -> Cart.empty(userId));
            Cart changed = change.apply(current);
            try {
                carts.save(changed);
                return view(new Cart(userId, changed.lines(), changed.version() + 1, changed.updatedAt()));
            } catch (CartRepository.CartChangedException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new dev.storefront.domain.error.ConflictException("cart-busy",
                            "The cart is being changed by another request; try again.");
                }
            }
        }
    }

    /** Prices every line at the catalog's current price; lines of archived products are shown but not counted. */
    CartView view(Cart cart) {
        Map<String, Product> current = products.findAll(cart.lines().stream().map(Cart.CartLine::productId).toList());
        List<CartView.Item> items = new ArrayList<>(cart.lines().size());
        Money subtotal = Money.zero(currency);
        int count = 0;
        for (Cart.CartLine line : cart.lines()) {
            Product product = current.get(line.productId());
            if (product == null) {
                continue; // deleted from the table by an operator: nothing left to show or sell
            }
            Money lineTotal = product.price().times(line.quantity());
            int available = product.isArchived() ? 0 : product.available();
            items.add(new CartView.Item(product.productId(), product.name(), product.price(), line.quantity(), lineTotal,
                    available));
            if (!product.isArchived()) {
                // An archived product stays listed (the shopper sees why it is gone) but cannot be bought: it
                // counts neither in the subtotal nor in the item count, exactly as a quote leaves it out.
                subtotal = subtotal.plus(lineTotal);
                count += line.quantity();
            }
        }
        return new CartView(items, subtotal, count, cart.updatedAt());
    }

    private Product activeProduct(String productId) {
        if (!ProductRules.isProductId(productId)) {
            throw new NotFoundException("product-not-found", "No such product.");
        }
        return products.findById(productId).filter(p -> !p.isArchived())
                .orElseThrow(() -> new NotFoundException("product-not-found", "No such product."));
    }

    private static void requireLine(Cart cart, String productId) {
        if (cart.line(productId).isEmpty()) {
            throw new NotFoundException("not-in-cart", "This product is not in the cart.");
        }
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException("validation", "The cart change is not valid.", List.of(new FieldError(field, message)));
    }
}
