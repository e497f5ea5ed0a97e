package dev.storefront.local.e2e;

import dev.storefront.local.e2e.FixtureCatalog.Listed;
import dev.storefront.local.e2e.Http.Response;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the search test classes, which share the {@link FixtureCatalog} and its stack: both are set before the
 * class's own {@code @BeforeAll}, with the catalog's words for the tests.
 */
abstract class FixtureCatalogE2E {

    static FixtureCatalog catalog;
    static Stack stack;
    /** "Marzipello desk lantern": the exact name match. */
    static Listed exactName;
    /** "Plain lantern", with marzipello only in its description. */
    static Listed inDescription;
    /** "Marzipollo lantern": one letter away from marzipello. */
    static Listed typoName;

    @BeforeAll
    static void useTheFixtureCatalog() {
        catalog = FixtureCatalog.shared();
        stack = catalog.stack();
        exactName = catalog.exactName;
        inDescription = catalog.inDescription;
        typoName = catalog.typoName;
    }

    /** {@code GET /products} with alternating parameter names and values, URL-encoded. */
    static Response search(String... namesAndValues) {
        return catalog.search(namesAndValues);
    }

    /** The catalog's active products that pass the filter. */
    static List<Listed> matching(Predicate<Listed> filter) {
        return catalog.matching(filter);
    }
}
