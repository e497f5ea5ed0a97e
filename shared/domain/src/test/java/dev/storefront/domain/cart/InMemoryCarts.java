package dev.storefront.domain.cart;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * In-memory fakes of the ports that carts and checkout read, with the conditional semantics of the DynamoDB
 * adapters. Public because the order tests build on them.
 */
public final class InMemoryCarts {

    private InMemoryCarts() {
    }

    /** Carts by shopper; a save is conditional on the version read, as {@code DynamoDbCartRepository}'s. */
    public static final class Carts implements CartRepository {
        private final Map<String, Cart> byUser = new LinkedHashMap<>();
        /** Reads so far, to tell that a service did not look at the cart. */
        public int finds;
        /** Successful saves and deletes so far. */
        public int writes;
        /** Runs before the next save only, outside of it: lets a test change the cart "concurrently". */
        public Runnable beforeNextSave;

        @Override
        public synchronized Optional<Cart> find(String userId) {
            finds++;
            return Optional.ofNullable(byUser.get(userId));
        }

        @Override
        public void save(Cart cart) {
            Runnable hook;
            synchronized (this) {
                hook = beforeNextSave;
                beforeNextSave = null;
            }
            if (hook != null) {
                hook.run();
            }
            synchronized (this) {
                Cart stored = byUser.get(cart.userId());
                long storedVersion = stored == null ? 0 : stored.version();
                if (storedVersion != cart.version()) {
                    throw new CartChangedException();
                }
                byUser.put(cart.userId(), new Cart(cart.userId(), cart.lines(), cart.version() + 1, cart.updatedAt()));
                writes++;
            }
        }

        @Override
        public synchronized void delete(String userId) {
            byUser.remove(userId);
            writes++;
        }

        /**
         * Deletes the cart on condition that it is stored at {@code version}, as the order transaction does.
         *
         * @return whether the condition held (and the cart was deleted)
         */
        public synchronized boolean deleteIfAt(String userId, long version) {
            Cart stored = byUser.get(userId);
            if (stored == null || stored.version() != version) {
                return false;
            }
            byUser.remove(userId);
            writes++;
            return true;
        }

        /** Whether {@link #deleteIfAt} would succeed, without deleting. */
        public synchronized boolean isAt(String userId, long version) {
            Cart stored = byUser.get(userId);
            return stored != null && stored.version() == version;
        }

        /** The stored cart, without counting a read. */
        public synchronized Optional<Cart> stored(String userId) {
            return Optional.ofNullable(byUser.get(userId));
        }
    }

    /** Products by id, as {@code DynamoDbProductRepository} stores them; the stock is changed by orders. */
    public static final class Catalog implements ProductRepository {
        private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

        private final Map<String, Product> byId = new LinkedHashMap<>();

        /** An active product at version 1. */
        public synchronized Product add(String productId, long priceMinorUnits, int available, int weightGrams) {
            Product product = new Product(productId, "SKU-" + productId, "Product " + productId, "", "Things", "Acme",
                    Money.of(priceMinorUnits, "USD"), available, weightGrams, List.of(), Map.of(), ProductStatus.ACTIVE,
                    CREATED, CREATED, 1);
            byId.put(productId, product);
            return product;
        }

        /** Archives the product (a new version). */
        public synchronized void archive(String productId) {
            Product p = byId.get(productId);
            put(new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(), p.brand(), p.price(),
                    p.available(), p.weightGrams(), p.images(), p.attributes(), ProductStatus.ARCHIVED, p.createdAt(),
                    p.updatedAt(), p.version() + 1));
        }

        /** Sets the price (a new version), as an admin's replace would. */
        public synchronized void reprice(String productId, long priceMinorUnits) {
            Product p = byId.get(productId);
            put(new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(), p.brand(),
                    Money.of(priceMinorUnits, p.price().currency()), p.available(), p.weightGrams(), p.images(),
                    p.attributes(), p.status(), p.createdAt(), p.updatedAt(), p.version() + 1));
        }

        /** Adds {@code delta} units (negative: takes them) and bumps the version, as the order transactions do. */
        public synchronized void changeStock(String productId, int delta, Instant now) {
            Product p = byId.get(productId);
            put(new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(), p.brand(), p.price(),
                    p.available() + delta, p.weightGrams(), p.images(), p.attributes(), p.status(), p.createdAt(), now,
                    p.version() + 1));
        }

        /** The stock of a product. */
        public synchronized int available(String productId) {
            return byId.get(productId).available();
        }

        /** A copy of every product as stored now. */
        public synchronized Map<String, Product> snapshot() {
            return Map.copyOf(byId);
        }

        private void put(Product product) {
            byId.put(product.productId(), product);
        }

        @Override
        public synchronized void create(Product product) {
            if (byId.values().stream().anyMatch(p -> p.sku().equals(product.sku()))) {
                throw new SkuTakenException();
            }
            byId.put(product.productId(), product);
        }

        @Override
        public synchronized void importNew(List<Product> products) {
            products.forEach(this::create);
        }

        @Override
        public synchronized Optional<Product> findById(String productId) {
            return Optional.ofNullable(byId.get(productId));
        }

        @Override
        public synchronized void replace(Product replacement, long expectedVersion) {
            Product current = byId.get(replacement.productId());
            if (current == null) {
                throw new NotFoundException("not found");
            }
            if (current.version() != expectedVersion) {
                throw new PreconditionFailedException("version mismatch");
            }
            byId.put(replacement.productId(), replacement);
        }

        @Override
        public synchronized void forEach(Consumer<Product> visitor) {
            new ArrayList<>(byId.values()).forEach(visitor);
        }
    }
}
