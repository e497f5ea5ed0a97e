package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPageIterable;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Products in the products table: the product item ({@code PRODUCT#<id>}) and a SKU claim item
 * ({@code SKU#<sku>}) per product, written together in one transaction so a SKU can never belong to two
 * products. Every replace is conditional on the stored version (optimistic locking).
 *
 * <p>When a conditional write fails, the product is read again to tell a missing product (404) from a
 * version mismatch (412). DynamoDB reports a lost race between two transactions as
 * {@code TransactionConflict} rather than a failed condition; that also means another writer changed the
 * product first, so it becomes a 412 as well.
 */
public final class DynamoDbProductRepository implements ProductRepository {

    /** Parallel scan segments of {@link #forEach}: enough to overlap round trips on a 2-vCPU function. */
    static final int SCAN_SEGMENTS = 4;
    /**
     * Items per scan page. Below the 1 MB page cap (~600 KB of products), so each request is short and the four
     * segments' round trips overlap instead of waiting on one large page each.
     */
    static final int SCAN_PAGE_ITEMS = 1000;

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ProductItem> products;
    private final DynamoDbTable<SkuItem> skus;

    public DynamoDbProductRepository(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.products = client.table(tableName, ProductItem.SCHEMA);
        this.skus = client.table(tableName, SkuItem.SCHEMA);
    }

    /**
     * Checks every SKU claim with BatchGetItem first, then writes products and claims with BatchWriteItem
     * (25 items a request, unprocessed items retried). Meant for initial loads, where nobody else writes
     * the same SKUs at the same time: unlike {@link #create}, the write itself carries no condition.
     */
    @Override
    public void importNew(List<Product> imported) {
        for (int from = 0; from < imported.size(); from += 100) {
            ReadBatch.Builder<SkuItem> read = ReadBatch.builder(SkuItem.class).mappedTableResource(skus);
            imported.subList(from, Math.min(from + 100, imported.size())).forEach(product ->
                    read.addGetItem(Key.builder().partitionValue(SkuItem.key(product.sku())).build()));
            BatchGetResultPageIterable pages = client.batchGetItem(r -> r.readBatches(read.build()));
            if (pages.resultsForTable(skus).iterator().hasNext()) {
                throw new SkuTakenException();
            }
        }
        // 12 products and their 12 SKU claims fill one 25-item BatchWriteItem request (minus one).
        for (int from = 0; from < imported.size(); from += 12) {
            writeBatch(imported.subList(from, Math.min(from + 12, imported.size())));
        }
    }

    private void writeBatch(List<Product> chunk) {
        WriteBatch.Builder<ProductItem> productWrites = WriteBatch.builder(ProductItem.class)
                .mappedTableResource(products);
        WriteBatch.Builder<SkuItem> skuWrites = WriteBatch.builder(SkuItem.class).mappedTableResource(skus);
        for (Product product : chunk) {
            productWrites.addPutItem(toItem(product));
            skuWrites.addPutItem(SkuItem.claim(product.sku(), product.productId()));
        }
        BatchWriteItemEnhancedRequest request = BatchWriteItemEnhancedRequest.builder()
                .writeBatches(productWrites.build(), skuWrites.build()).build();
        for (int attempt = 0; attempt < 10; attempt++) {
            BatchWriteResult result = client.batchWriteItem(request);
            List<ProductItem> productsLeft = result.unprocessedPutItemsForTable(products);
            List<SkuItem> skusLeft = result.unprocessedPutItemsForTable(skus);
            if (productsLeft.isEmpty() && skusLeft.isEmpty()) {
                return;
            }
            List<WriteBatch> retry = new java.util.ArrayList<>();
            if (!productsLeft.isEmpty()) {
                WriteBatch.Builder<ProductItem> left = WriteBatch.builder(ProductItem.class).mappedTableResource(products);
                productsLeft.forEach(left::addPutItem);
                retry.add(left.build());
            }
            if (!skusLeft.isEmpty()) {
                WriteBatch.Builder<SkuItem> left = WriteBatch.builder(SkuItem.class).mappedTableResource(skus);
                skusLeft.forEach(left::addPutItem);
                retry.add(left.build());
            }
            request = BatchWriteItemEnhancedRequest.builder().writeBatches(retry).build();
            try {
                Thread.sleep(50L << Math.min(attempt, 5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing products", e);
            }
        }
        throw new IllegalStateException("DynamoDB kept items of an import unprocessed");
    }

    @Override
    public void create(Product product) {
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(products, TransactPutItemEnhancedRequest.builder(ProductItem.class)
                            .item(toItem(product)).conditionExpression(NOT_EXISTS).build())
                    .addPutItem(skus, TransactPutItemEnhancedRequest.builder(SkuItem.class)
                            .item(SkuItem.claim(product.sku(), product.productId())).conditionExpression(NOT_EXISTS)
                            .build())
                    .build());
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 1) || Transactions.conflicted(e)) {
                // A conflict on a brand-new SKU claim means a concurrent create of the same SKU.
                throw new SkuTakenException();
            }
            if (Transactions.conditionFailed(e, 0)) {
                throw new IllegalStateException("generated product id collided with an existing product");
            }
            throw e;
        }
    }

    @Override
    public Optional<Product> findById(String productId) {
        return find(productId).map(DynamoDbProductRepository::toProduct);
    }

    @Override
    public void replace(Product replacement, long expectedVersion) {
        if (replacement.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a replacement must have version expectedVersion + 1");
        }
        ProductItem current = find(replacement.productId()).orElseThrow(DynamoDbProductRepository::notFound);
        if (current.getVersion() != expectedVersion) {
            throw versionMismatch();
        }
        if (current.getSku().equals(replacement.sku())) {
            replaceKeepingSku(replacement, expectedVersion);
        } else {
            replaceMovingSku(replacement, expectedVersion, current.getSku());
        }
    }

    @Override
    public void forEach(Consumer<Product> visitor) {
        Expression productsOnly = Expression.builder()
                .expression("begins_with(pk, :prefix)")
                .expressionValues(Map.of(":prefix", AttributeValue.fromS(ProductItem.PREFIX)))
                .build();
        // A parallel scan: each segment is read by its own thread, so a large catalog loads in a fraction of
        // the time of one sequential scan (each page is a round trip of its own).
        ExecutorService threads = Executors.newFixedThreadPool(SCAN_SEGMENTS, runnable -> {
            Thread thread = new Thread(runnable, "products-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> segments = new java.util.ArrayList<>();
            for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
                ScanEnhancedRequest request = ScanEnhancedRequest.builder().filterExpression(productsOnly)
                        .consistentRead(true).segment(segment).totalSegments(SCAN_SEGMENTS).limit(SCAN_PAGE_ITEMS)
                        .build();
                segments.add(threads.submit(() -> products.scan(request).items()
                        .forEach(item -> visitor.accept(toProduct(item)))));
            }
            for (Future<?> segment : segments) {
                segment.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning products", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private void replaceKeepingSku(Product replacement, long expectedVersion) {
        try {
            products.putItem(PutItemEnhancedRequest.builder(ProductItem.class).item(toItem(replacement))
                    .conditionExpression(versionIs(expectedVersion)).build());
        } catch (ConditionalCheckFailedException e) {
            throw explainFailedCondition(replacement.productId());
        }
    }

    private void replaceMovingSku(Product replacement, long expectedVersion, String oldSku) {
        Expression ownedByThisProduct = Expression.builder()
                .expression("#productId = :productId")
                .expressionNames(Map.of("#productId", "productId"))
                .expressionValues(Map.of(":productId", AttributeValue.fromS(replacement.productId())))
                .build();
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(products, TransactPutItemEnhancedRequest.builder(ProductItem.class)
                            .item(toItem(replacement)).conditionExpression(versionIs(expectedVersion)).build())
                    .addDeleteItem(skus, TransactDeleteItemEnhancedRequest.builder()
                            .key(Key.builder().partitionValue(SkuItem.key(oldSku)).build())
                            .conditionExpression(ownedByThisProduct).build())
                    .addPutItem(skus, TransactPutItemEnhancedRequest.builder(SkuItem.class)
                            .item(SkuItem.claim(replacement.sku(), replacement.productId()))
                            .conditionExpression(NOT_EXISTS).build())
                    .build());
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 0) || Transactions.conditionFailed(e, 1)) {
                throw explainFailedCondition(replacement.productId());
            }
            if (Transactions.conditionFailed(e, 2)) {
                throw new SkuTakenException();
            }
            if (Transactions.conflicted(e)) {
                throw versionMismatch();
            }
            throw e;
        }
    }

    /** After a failed version condition: the product is either gone or at another version. */
    private RuntimeException explainFailedCondition(String productId) {
        return find(productId).isEmpty() ? notFound() : versionMismatch();
    }

    private Optional<ProductItem> find(String productId) {
        if (!Keys.isStorable(productId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(products.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(ProductItem.key(productId)).build()).consistentRead(true).build()));
    }

    private static Expression versionIs(long expectedVersion) {
        return Expression.builder()
                .expression("attribute_exists(pk) AND #version = :expected")
                .expressionNames(Map.of("#version", "version"))
                .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                .build();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("product-not-found", "No such product.");
    }

    private static PreconditionFailedException versionMismatch() {
        return new PreconditionFailedException("version-mismatch",
                "The product was changed by another request. Read it again and retry with its current version.");
    }

    private static ProductItem toItem(Product product) {
        ProductItem item = new ProductItem();
        item.setPk(ProductItem.key(product.productId()));
        item.setProductId(product.productId());
        item.setSku(product.sku());
        item.setName(product.name());
        item.setDescription(product.description());
        item.setCategory(product.category());
        item.setBrand(product.brand());
        item.setPriceAmount(product.price().amount());
        item.setCurrency(product.price().currency());
        item.setAvailable(product.available());
        item.setWeightGrams(product.weightGrams());
        item.setImages(product.images());
        item.setAttributes(product.attributes());
        item.setStatus(product.status().name());
        item.setCreatedAt(product.createdAt().toString());
        item.setUpdatedAt(product.updatedAt().toString());
        item.setVersion(product.version());
        return item;
    }

    /** One BatchGetItem per 100 ids (eventually consistent: a cart shows prices, it does not sell). */
    @Override
    public Map<String, Product> findAll(java.util.Collection<String> productIds) {
        // An id DynamoDB cannot take as a key names no product (and would fail the whole batch).
        List<String> ids = productIds.stream().filter(Keys::isStorable).distinct().toList();
        Map<String, Product> found = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 100) {
            ReadBatch.Builder<ProductItem> read = ReadBatch.builder(ProductItem.class).mappedTableResource(products);
            ids.subList(from, Math.min(from + 100, ids.size())).forEach(id ->
                    read.addGetItem(Key.builder().partitionValue(ProductItem.key(id)).build()));
            client.batchGetItem(r -> r.readBatches(read.build())).resultsForTable(products)
                    .forEach(item -> found.put(item.getProductId(), toProduct(item)));
        }
        Map<String, Product> ordered = new java.util.LinkedHashMap<>();
        ids.forEach(id -> {
            if (found.containsKey(id)) {
                ordered.put(id, found.get(id));
            }
        });
        return ordered;
    }

    /**
     * The product held by an item image of the products table (e.g. a stream record's {@code NewImage}), or
     * empty when the image is another kind of item of the table (a SKU claim).
     */
    public static Optional<Product> productFromImage(Map<String, AttributeValue> image) {
        AttributeValue pk = image.get("pk");
        if (pk == null || pk.s() == null || !pk.s().startsWith(ProductItem.PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(toProduct(ProductItem.SCHEMA.mapToItem(image)));
    }

    private static Product toProduct(ProductItem item) {
        return new Product(item.getProductId(), item.getSku(), item.getName(),
                item.getDescription() == null ? "" : item.getDescription(), item.getCategory(), item.getBrand(),
                Money.of(item.getPriceAmount(), item.getCurrency()), item.getAvailable(), item.getWeightGrams(),
                item.getImages(), item.getAttributes(), ProductStatus.valueOf(item.getStatus()),
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()), item.getVersion());
    }
}
