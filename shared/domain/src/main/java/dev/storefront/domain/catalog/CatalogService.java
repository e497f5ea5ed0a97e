package dev.storefront.domain.catalog;

import dev.storefront.domain.IdGenerator;
import dev.storefront.domain.error.ConflictException;
import dev.storefront.domain.error.FieldError;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import dev.storefront.domain.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The catalog: admin changes with optimistic locking, and the shopper's product detail read through
 * the {@link ProductCache}.
 *
 * <p>Every change is a conditional replace of the whole product on its version, so concurrent changes
 * never overwrite each other. The cache entry is evicted only after DynamoDB accepted the change: an
 * eviction before the write could be refilled with the old product by a concurrent reader.
 */
public final class CatalogService {

    /** Attempts of a change that the caller did not version (stock, archive) before giving up. */
    static final int UNVERSIONED_ATTEMPTS = 5;

    private final ProductRepository products;
    private final ProductCache cache;
    private final ProductViews views;
    private final IdGenerator ids;
    private final Clock clock;
    private final String storeCurrency;

    public CatalogService(ProductRepository products, ProductCache cache, IdGenerator ids, Clock clock,
            String storeCurrency) {
        this(products, cache, ProductViews.none(), ids, clock, storeCurrency);
    }

    /** @param views counts the product detail views ({@link #get}), which decide what {@link CacheWarmer} warms */
    public CatalogService(ProductRepository products, ProductCache cache, ProductViews views, IdGenerator ids,
            Clock clock, String storeCurrency) {
        this.products = products;
        this.cache = cache;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
        this.storeCurrency = storeCurrency;
    }

    /** Adds an active product at version 1. */
    public Product create(ProductDraft draft) {
        ProductDraft checked = check(draft);
        Product product = Product.create(ids.next(), checked, now());
        products.create(product);
        cache.evict(product.productId(), product.version());
        return product;
    }

    /**
     * Adds many active products at once (an initial catalog load), checked by the same rules as
     * {@link #create}. Nothing is written when a draft is invalid, two drafts share a SKU, or a SKU is
     * already in the catalog.
     *
     * @throws ValidationException naming the first invalid draft by its index
     * @throws SkuTakenException when a SKU repeats within the import or already exists
     */
    public List<Product> importNew(List<ProductDraft> drafts) {
        List<Product> created = new java.util.ArrayList<>(drafts.size());
        java.util.Set<String> skus = new java.util.HashSet<>();
        Instant now = now();
        for (int i = 0; i < drafts.size(); i++) {
            List<FieldError> errors = ProductRules.checkDraft(drafts.get(i), storeCurrency);
            if (!errors.isEmpty()) {
                int index = i;
                throw new ValidationException("validation", "Product " + i + " of the import is not valid.",
                        errors.stream().map(e -> new FieldError("[" + index + "]." + e.field(), e.message())).toList());
            }
            ProductDraft checked = ProductRules.normalize(drafts.get(i));
            if (!skus.add(checked.sku())) {
                throw new SkuTakenException();
            }
            created.add(Product.create(ids.next(), checked, now));
        }
        products.importNew(created);
        return created;
    }

    /**
     * Replaces every field an admin controls, on condition that the stored version is {@code expectedVersion}.
     *
     * @throws NotFoundException when the product does not exist or is archived
     * @throws PreconditionFailedException when the product has another version
     * @throws SkuTakenException when the new SKU belongs to another product
     */
    public Product replace(String productId, ProductDraft draft, long expectedVersion) {
        ProductDraft checked = check(draft);
        Product current = findActive(productId);
        if (current.version() != expectedVersion) {
            throw versionMismatch(current.version());
        }
        Product replacement = new Product(productId, checked.sku(), checked.name(), checked.description(),
                checked.category(), checked.brand(), checked.price(), checked.available(), checked.weightGrams(),
                checked.images(), checked.attributes(), ProductStatus.ACTIVE, current.createdAt(), now(),
                expectedVersion + 1);
        products.replace(replacement, expectedVersion);
        cache.evict(productId, replacement.version());
        return replacement;
    }

    /** Sets the units available for sale. */
    public Product setStock(String productId, int available) {
        Optional<FieldError> error = ProductRules.checkAvailable(available);
        if (error.isPresent()) {
            throw new ValidationException("validation", "The stock level is not valid.", List.of(error.get()));
        }
        return change(productId, current -> copy(current, available, current.status()));
    }

    /** Archives a product: shoppers no longer see it; orders naming it keep working. */
    public void archive(String productId) {
        change(productId, current -> copy(current, current.available(), ProductStatus.ARCHIVED));
    }

    /**
     * An active product, from the cache when it holds it.
     *
     * @throws NotFoundException for an unknown or archived product
     */
    public Product get(String productId) {
        if (!ProductRules.isProductId(productId)) {
            throw notFound();
        }
        Optional<Product> cached = cache.get(productId);
        if (cached.isPresent()) {
            if (cached.get().isArchived()) {
                throw notFound();
            }
            views.record(productId);
            return cached.get();
        }
        Product product = products.findById(productId).filter(p -> !p.isArchived()).orElseThrow(
                CatalogService::notFound);
        cache.put(product);
        views.record(productId);
        return product;
    }

    /** Read, change, conditional replace; retried when a concurrent change won the race. */
    private Product change(String productId, UnaryOperator<Product> change) {
        for (int attempt = 1; ; attempt++) {
            Product current = findActive(productId);
            Product changed = change.apply(current);
            try {
                products.replace(changed, current.version());
                cache.evict(productId, changed.version());
                return changed;
            } catch (PreconditionFailedException e) {
                if (attempt == UNVERSIONED_ATTEMPTS) {
                    throw new ConflictException("concurrent-update",
                            "The product is being changed concurrently. Try again.");
                }
            }
        }
    }

    private Product copy(Product current, int available, ProductStatus status) {
        return new Product(current.productId(), current.sku(), current.name(), current.description(),
                current.category(), current.brand(), current.price(), available, current.weightGrams(),
                current.images(), current.attributes(), status, current.createdAt(), now(), current.version() + 1);
    }

    private Product findActive(String productId) {
        if (!ProductRules.isProductId(productId)) {
            throw notFound();
        }
        return products.findById(productId).filter(p -> !p.isArchived()).orElseThrow(CatalogService::notFound);
    }

    private ProductDraft check(ProductDraft draft) {
        List<FieldError> errors = ProductRules.checkDraft(draft, storeCurrency);
        if (!errors.isEmpty()) {
            throw new ValidationException("validation", "The product is not valid.", errors);
        }
        return ProductRules.normalize(draft);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static PreconditionFailedException versionMismatch(long currentVersion) {
        return new PreconditionFailedException("version-mismatch", "The product has changed: its version is now "
                + currentVersion + ". Read it again and retry with If-Match: " + currentVersion + ".");
    }

    static NotFoundException notFound() {
        return new NotFoundException("product-not-found", "No such product.");
    }
}
