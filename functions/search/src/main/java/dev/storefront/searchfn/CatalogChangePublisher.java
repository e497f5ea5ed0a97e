package dev.storefront.searchfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.EventHandler;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the search-indexer function: consumes the products table's stream and publishes each
 * product image, in stream order, to the {@link CatalogChangeFeed} every search instance follows; and evicts
 * the product-detail cache entry of each changed product (checkout changes stock without the catalog
 * function).
 *
 * <p>All or nothing per batch: when the feed cannot be written the invocation fails and Lambda delivers the
 * batch again (in order, bisecting), so no change is lost while the cache is away; a change published twice is
 * harmless because readers apply only versions newer than the one they hold. A removed item (products are
 * archived, never deleted, but an operator may delete one by hand) is published as archived with the highest
 * version, so every index drops it for good; the periodic full rebuild forgets that tombstone.
 */
public class CatalogChangePublisher extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChangePublisher.class);

    @Inject
    CatalogChangeFeed feed;

    @Inject
    ProductCache productCache;

    public CatalogChangePublisher() {
        super();
    }

    public CatalogChangePublisher(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    @Override
    protected String handle(JsonNode event, Context context) {
        List<Product> changes = new ArrayList<>();
        int records = 0;
        for (JsonNode record : event.path("Records")) {
            records++;
            changed(record).ifPresent(changes::add);
        }
        feed.publish(changes);
        // Changes made without the catalog function (stock taken by checkout, returned by cancellation or
        // expiry) leave an older cached product detail behind: forget it, so no older copy returns. A copy
        // of this version or newer (cached after the change) stays.
        changes.forEach(product -> productCache.evictOlderThan(product.productId(), product.version()));
        LOG.info("published {} product change(s) of {} stream record(s)", changes.size(), records);
        return "{}";
    }

    static Optional<Product> changed(JsonNode record) {
        JsonNode dynamodb = record.path("dynamodb");
        boolean removed = "REMOVE".equals(record.path("eventName").asText());
        JsonNode image = dynamodb.path(removed ? "OldImage" : "NewImage");
        if (!image.isObject()) {
            return Optional.empty();
        }
        Optional<Product> product = DynamoDbProductRepository.productFromImage(StreamImages.image(image));
        if (removed) {
            return product.map(p -> new Product(p.productId(), p.sku(), p.name(), p.description(), p.category(),
                    p.brand(), p.price(), p.available(), p.weightGrams(), p.images(), p.attributes(),
                    ProductStatus.ARCHIVED, p.createdAt(), p.updatedAt(), Long.MAX_VALUE));
        }
        return product;
    }
}
