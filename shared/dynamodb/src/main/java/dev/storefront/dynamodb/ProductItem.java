package dev.storefront.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Persistence shape of a product in the products table ({@code pk = PRODUCT#<productId>}). The price is
 * two attributes, integer minor units ({@code priceAmount}, a Number) and the ISO 4217 {@code currency}.
 */
final class ProductItem {

    static final String PREFIX = "PRODUCT#";

    static final TableSchema<ProductItem> SCHEMA = StaticTableSchema.builder(ProductItem.class)
            .newItemSupplier(ProductItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(ProductItem::getPk)
                    .setter(ProductItem::setPk)
                    .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("productId").getter(ProductItem::getProductId)
                    .setter(ProductItem::setProductId))
            .addAttribute(String.class, a -> a.name("sku").getter(ProductItem::getSku)
                    .setter(ProductItem::setSku))
            .addAttribute(String.class, a -> a.name("name").getter(ProductItem::getName)
                    .setter(ProductItem::setName))
            .addAttribute(String.class, a -> a.name("description").getter(ProductItem::getDescription)
                    .setter(ProductItem::setDescription))
            .addAttribute(String.class, a -> a.name("category").getter(ProductItem::getCategory)
                    .setter(ProductItem::setCategory))
            .addAttribute(String.class, a -> a.name("brand").getter(ProductItem::getBrand)
                    .setter(ProductItem::setBrand))
            .addAttribute(Long.class, a -> a.name("priceAmount").getter(ProductItem::getPriceAmount)
                    .setter(ProductItem::setPriceAmount))
            .addAttribute(String.class, a -> a.name("currency").getter(ProductItem::getCurrency)
                    .setter(ProductItem::setCurrency))
            .addAttribute(Integer.class, a -> a.name("available").getter(ProductItem::getAvailable)
                    .setter(ProductItem::setAvailable))
            .addAttribute(Integer.class, a -> a.name("weightGrams").getter(ProductItem::getWeightGrams)
                    .setter(ProductItem::setWeightGrams))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("images").getter(ProductItem::getImages)
                    .setter(ProductItem::setImages))
            .addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name("attributes").getter(ProductItem::getAttributes)
                    .setter(ProductItem::setAttributes))
            .addAttribute(String.class, a -> a.name("status").getter(ProductItem::getStatus)
                    .setter(ProductItem::setStatus))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ProductItem::getCreatedAt)
                    .setter(ProductItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(ProductItem::getUpdatedAt)
                    .setter(ProductItem::setUpdatedAt))
            .addAttribute(Long.class, a -> a.name("version").getter(ProductItem::getVersion)
                    .setter(ProductItem::setVersion))
            .build();

    private String pk;
    private String productId;
    private String sku;
    private String name;
    private String description;
    private String category;
    private String brand;
    private Long priceAmount;
    private String currency;
    private Integer available;
    private Integer weightGrams;
    private List<String> images;
    private Map<String, String> attributes;
    private String status;
    private String createdAt;
    private String updatedAt;
    private Long version;

    static String key(String productId) {
        return PREFIX + productId;
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

    String getSku() {
        return sku;
    }

    void setSku(String sku) {
        this.sku = sku;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getCategory() {
        return category;
    }

    void setCategory(String category) {
        this.category = category;
    }

    String getBrand() {
        return brand;
    }

    void setBrand(String brand) {
        this.brand = brand;
    }

    Long getPriceAmount() {
        return priceAmount;
    }

    void setPriceAmount(Long priceAmount) {
        this.priceAmount = priceAmount;
    }

    String getCurrency() {
        return currency;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    Integer getAvailable() {
        return available;
    }

    void setAvailable(Integer available) {
        this.available = available;
    }

    Integer getWeightGrams() {
        return weightGrams;
    }

    void setWeightGrams(Integer weightGrams) {
        this.weightGrams = weightGrams;
    }

    List<String> getImages() {
        return images;
    }

    void setImages(List<String> images) {
        this.images = images;
    }

    Map<String, String> getAttributes() {
        return attributes;
    }

    void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    String getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    String getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }
}
