package dev.storefront.domain.catalog;

import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** In-memory fakes of the catalog ports, with the same conditional semantics as the DynamoDB adapter. */
final class InMemoryCatalog {

    private InMemoryCatalog() {
    }

    static class Products implements ProductRepository {
        final Map<String, Product> byId = new LinkedHashMap<>();
        int writes;
        /** Runs once before the next replace: lets a test change the product "concurrently". */
        Runnable beforeNextReplace;

        @Override
        public synchronized void create(Product product) {
            if (byId.values().stream().anyMatch(p -> p.sku().equals(product.sku()))) {
                throw new SkuTakenException();
            }
            byId.put(product.productId(), product);
            writes++;
        }

        @Override
        public synchronized void importNew(java.util.List<Product> products) {
            for (Product product : products) {
                if (byId.values().stream().anyMatch(p -> p.sku().equals(product.sku()))) {
                    throw new SkuTakenException();
                }
            }
            products.forEach(product -> byId.put(product.productId(), product));
            writes += products.size();
        }

        @Override
        public synchronized Optional<Product> findById(String productId) {
            return Optional.ofNullable(byId.get(productId));
        }

        @Override
        public synchronized void replace(Product replacement, long expectedVersion) {
            if (beforeNextReplace != null) {
                Runnable hook = beforeNextReplace;
                beforeNextReplace = null;
                hook.run();
            }
            Product current = byId.get(replacement.productId());
            if (current == null) {
                throw new NotFoundException("not found");
            }
            if (current.version() != expectedVersion) {
                throw new PreconditionFailedException("version mismatch");
            }
            if (byId.values().stream().anyMatch(p -> p.sku().equals(replacement.sku())
                    && !p.productId().equals(replacement.productId()))) {
                throw new SkuTakenException();
            }
            byId.put(replacement.productId(), replacement);
            writes++;
        }

        @Override
        public synchronized void forEach(Consumer<Product> visitor) {
            new ArrayList<>(byId.values()).forEach(visitor);
        }
    }

    static class Cache implements ProductCache {
        final Map<String, Product> entries = new HashMap<>();
        final Map<String, Long> evictedVersions = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<Product> get(String productId) {
            calls.add("get " + productId);
            return Optional.ofNullable(entries.get(productId));
        }

        @Override
        public void put(Product product) {
            calls.add("put " + product.productId());
            Long evicted = evictedVersions.get(product.productId());
            if (evicted == null || evicted <= product.version()) {
                entries.put(product.productId(), product);
            }
        }

        @Override
        public void evict(String productId, long writtenVersion) {
            calls.add("evict " + productId);
            entries.remove(productId);
            evictedVersions.put(productId, writtenVersion);
        }
    }
}
