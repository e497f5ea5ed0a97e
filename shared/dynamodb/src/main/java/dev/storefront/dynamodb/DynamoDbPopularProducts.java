package dev.storefront.dynamodb;

import dev.storefront.domain.catalog.PopularProducts;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * {@link PopularProducts} as one item of the products table, {@code pk = META#most-viewed}, beside the products
 * and their SKU claims (neither scans of products nor the search indexer's stream filter see it: both select
 * {@code PRODUCT#} keys).
 */
public final class DynamoDbPopularProducts implements PopularProducts {

    static final String KEY = "META#most-viewed";

    private final DynamoDbTable<PopularItem> table;
    private final Clock clock;

    public DynamoDbPopularProducts(DynamoDbEnhancedClient client, String tableName, Clock clock) {
        this.table = client.table(tableName, PopularItem.SCHEMA);
        this.clock = clock;
    }

    @Override
    public void save(List<String> productIds) {
        PopularItem item = new PopularItem();
        item.setPk(KEY);
        item.setProductIds(List.copyOf(productIds));
        item.setUpdatedAt(clock.instant().toString());
        table.putItem(item);
    }

    @Override
    public List<String> load() {
        PopularItem item = table.getItem(Key.builder().partitionValue(KEY).build());
        return item == null || item.getProductIds() == null ? List.of() : List.copyOf(item.getProductIds());
    }

    /** The stored item. */
    public static final class PopularItem {

        static final TableSchema<PopularItem> SCHEMA = StaticTableSchema.builder(PopularItem.class)
                .newItemSupplier(PopularItem::new)
                .addAttribute(String.class, a -> a.name("pk").getter(PopularItem::getPk).setter(PopularItem::setPk)
                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(EnhancedType.listOf(String.class),
                        a -> a.name("productIds").getter(PopularItem::getProductIds).setter(PopularItem::setProductIds))
                .addAttribute(String.class, a -> a.name("updatedAt").getter(PopularItem::getUpdatedAt)
                        .setter(PopularItem::setUpdatedAt))
                .build();

        private String pk;
        private List<String> productIds;
        private String updatedAt;

        public String getPk() {
            return pk;
        }

        public void setPk(String pk) {
            this.pk = pk;
        }

        public List<String> getProductIds() {
            return productIds;
        }

        public void setProductIds(List<String> productIds) {
            this.productIds = productIds;
        }

        public String getUpdatedAt() {
            return updatedAt;
        }

        public void setUpdatedAt(String updatedAt) {
            this.updatedAt = updatedAt;
        }
    }
}
