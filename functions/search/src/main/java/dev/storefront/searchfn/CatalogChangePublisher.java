package dev.storefront.searchfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.domain.catalog.CatalogChangeFeed;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductCache;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.dynamodb.DynamoDbProductRepository;
import dev.storefront.platform.config.EnvVars;
import dev.storefront.platform.config.LambdaEnvironment;
import dev.storefront.platform.http.Json;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
public class CatalogChangePublisher implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChangePublisher.class);

    @Inject
    CatalogChangeFeed feed;

    @Inject
    ProductCache productCache;

    private final String functionName;

    public CatalogChangePublisher() {
        this(ApplicationContext.builder().deduceEnvironment(false).banner(false).start());
    }

    public CatalogChangePublisher(ApplicationContext applicationContext) {
        this.functionName = LambdaEnvironment.variables().getOrDefault(EnvVars.FUNCTION_NAME, "local");
        applicationContext.inject(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        MDC.put("function", functionName);
        if (context != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            JsonNode event = Json.eventMapper().readTree(input);
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
            output.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            MDC.clear();
        }
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
