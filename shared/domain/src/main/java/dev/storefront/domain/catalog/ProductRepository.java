package dev.storefront.domain.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Storage of products, the catalog's source of truth. Every change is conditional. */
public interface ProductRepository {

    /**
     * Stores a new product and claims its SKU atomically.
     *
     * @throws SkuTakenException when another product holds the SKU
     */
    void create(Product product);

    /**
     * Imports new products in bulk (an initial load): batched writes of the products and their SKU claims.
     * Refuses the whole import, writing nothing, when any of the SKUs is already claimed.
     *
     * @throws SkuTakenException when a SKU of the import is already in the catalog
     */
    void importNew(List<Product> products);

    /** The product, archived or not. */
    Optional<Product> findById(String productId);

    /** The products among {@code productIds} that exist (archived or not), by id. */
    default Map<String, Product> findAll(Collection<String> productIds) {
        Map<String, Product> found = new LinkedHashMap<>();
        for (String productId : new LinkedHashSet<>(productIds)) {
            findById(productId).ifPresent(product -> found.put(productId, product));
        }
        return found;
    }

    /**
     * Replaces a product on condition that its stored version is {@code expectedVersion}; the stored
     * product gets {@code replacement.version()}, which must be {@code expectedVersion + 1}. Moves the SKU
     * claim when the SKU changes.
     *
     * @throws dev.storefront.domain.error.PreconditionFailedException on a version mismatch
     * @throws dev.storefront.domain.error.NotFoundException when the product does not exist
     * @throws SkuTakenException when the new SKU belongs to another product
     */
    void replace(Product replacement, long expectedVersion);

    /**
     * Visits every product (active and archived), for rebuilding derived views such as the search index.
     * Reads are strongly consistent: every change stored before the call began is seen. The visitor may be
     * called from several threads at once and must be thread-safe.
     */
    void forEach(Consumer<Product> visitor);
}
