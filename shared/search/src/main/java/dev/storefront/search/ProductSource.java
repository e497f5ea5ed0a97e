package dev.storefront.search;

import dev.storefront.domain.catalog.Product;
import java.util.function.Consumer;

/**
 * Every product of the source of truth, active and archived (e.g. {@code ProductRepository::forEach}). The
 * sink may be called from several threads at once.
 */
@FunctionalInterface
public interface ProductSource {

    void forEach(Consumer<Product> sink);
}
