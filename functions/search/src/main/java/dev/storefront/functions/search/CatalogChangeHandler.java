package dev.storefront.functions.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.FeedPosition;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.EventHandler;
import dev.storefront.platform.http.Json;
import dev.storefront.platform.snapstart.PrimingStep;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
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
public class CatalogChangeHandler extends EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChangeHandler.class);

    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"prime","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb",
             "awsRegion":"us-east-1","dynamodb":{"Keys":{"pk":{"S":"PRODUCT#prime-00000000"}},"NewImage":{
             "pk":{"S":"PRODUCT#prime-00000000"},"productId":{"S":"prime-00000000"},"sku":{"S":"PRIME-0"},
             "name":{"S":"Prime"},"description":{"S":"Priming sample"},"category":{"S":"Garden"},"brand":{"S":"Prime"},
             "priceAmount":{"N":"100"},"currency":{"S":"USD"},"available":{"N":"1"},"weightGrams":{"N":"1"},
             "images":{"L":[{"S":"https://img.example/prime.jpg"}]},"attributes":{"M":{"material":{"S":"steel"}}},
             "status":{"S":"ACTIVE"},"createdAt":{"S":"2026-01-01T00:00:00Z"},"updatedAt":{"S":"2026-01-01T00:00:00Z"},
             "version":{"N":"1"}},"SequenceNumber":"1","SizeBytes":1,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}""";

    @Inject
    CatalogChangeFeed feed;

    @Inject
    ProductCache productCache;

    public CatalogChangeHandler() {
        super();
    }

    public CatalogChangeHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /**
     * A stream record of a product with an id no product can have. Publishing writes the feed, so priming parses
     * and maps it ({@link #changed}) without publishing it, and reads the feed (below).
     */
    @Override
    protected String primingEvent() {
        return PRIMING_EVENT;
    }

    @Override
    protected List<PrimingStep> primingSteps() {
        return List.of(
                new PrimingStep("stream record mapping", () -> {
                    try {
                        JsonNode record = Json.eventMapper().readTree(PRIMING_EVENT).path("Records").path(0);
                        if (changed(record).isEmpty()) {
                            throw new IllegalStateException("the sample record maps to no product");
                        }
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                // A position of an epoch no feed has: the read script only reads, and reports a gap.
                new PrimingStep("change feed read", () -> feed.readAfter(
                        new FeedPosition(ReservedKeys.ABSENT_ID, "0-0"), 1)));
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
        if (!image.isObject() || image.isEmpty()) {
            // Absent, or empty as LocalStack sends it: nothing to publish from this record.
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
