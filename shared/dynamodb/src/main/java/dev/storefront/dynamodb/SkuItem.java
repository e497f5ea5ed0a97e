package dev.storefront.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** Uniqueness claim of a SKU in the products table ({@code pk = SKU#<sku>}). */
final class SkuItem {

    static final String PREFIX = "SKU#";

    static final TableSchema<SkuItem> SCHEMA = StaticTableSchema.builder(SkuItem.class)
            .newItemSupplier(SkuItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(SkuItem::getPk).setter(SkuItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("productId").getter(SkuItem::getProductId)
                    .setter(SkuItem::setProductId))
            .build();

    private String pk;
    private String productId;

    static String key(String sku) {
        return PREFIX + sku;
    }

    static SkuItem claim(String sku, String productId) {
        SkuItem item = new SkuItem();
        item.setPk(key(sku));
        item.setProductId(productId);
        return item;
    }

    String getPk() {
        return pk;
    }

    void setPk(String pk) {
        this.pk = pk;
    }

    String getProductId() {
        return productId;
    }

    void setProductId(String productId) {
        this.productId = productId;
    }
}
