package dev.storefront.dynamodb;

import dev.storefront.domain.Money;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductRepository;
import dev.storefront.domain.catalog.ProductStatus;
import dev.storefront.domain.catalog.SkuTakenException;
import dev.storefront.domain.error.NotFoundException;
import dev.storefront.domain.error.PreconditionFailedException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
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

    private static final Expression NOT_EXISTS = Expression.builder().expression("attribute_not_exists(pk)").build();

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ProductItem> products;
    private final DynamoDbTable<SkuItem> skus;

    public DynamoDbProductRepository(DynamoDbEnhancedClient client, String tableName) {
        this.client = client;
        this.products = client.table(tableName, ProductItem.SCHEMA);
        this.skus = client.table(tableName, SkuItem.SCHEMA);
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
        products.scan(ScanEnhancedRequest.builder().filterExpression(productsOnly).build())
                .items()
                .forEach(item -> visitor.accept(toProduct(item)));
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

    private static Product toProduct(ProductItem item) {
        return new Product(item.getProductId(), item.getSku(), item.getName(),
                item.getDescription() == null ? "" : item.getDescription(), item.getCategory(), item.getBrand(),
                Money.of(item.getPriceAmount(), item.getCurrency()), item.getAvailable(), item.getWeightGrams(),
                item.getImages(), item.getAttributes(), ProductStatus.valueOf(item.getStatus()),
                Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()), item.getVersion());
    }
}
